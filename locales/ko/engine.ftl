step-blocked = 차단됨: { NOPERIOD($reason) }.
reason-eks-rejects = EKS가 이 클러스터 구성을 거부합니다: { $message }
reason-replies-lost = 응답이 돌아오지 못합니다. { $reason }
