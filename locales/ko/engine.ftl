step-blocked = 차단됨: { NOPERIOD($reason) }.
reason-eks-rejects = EKS가 이 클러스터 구성을 거부합니다: { $message }
reason-replies-lost = 응답이 돌아오지 못합니다. { $reason }

## 엔드포인트 이름의 DNS 응답 (dns.rs).

part-dns-resolution = DNS 확인
part-dns-hostnames = DNS 호스트 이름
part-amazon-provided-dns = AmazonProvidedDNS
part-a-cluster-vpc = 클러스터 VPC
reason-node-vpc-dns-off = 노드를 등록할 수 없습니다. VPC { $vpc }의 DNS 확인(enableDnsSupport)이 꺼져 있어 { $who }에서 클러스터 엔드포인트 이름을 확인하지 못합니다
fix-turn-on-vpc-dns = VPC { $vpc }에서 DNS 확인과 DNS 호스트 이름을 켜세요
warn-vpc-dns-hostnames-off = VPC { $vpc }의 DNS 호스트 이름이 꺼져 있습니다. AWS에서는 노드에 이 설정이 필요하다고 안내하며, 꺼져 있으면 프라이빗 호스팅 영역이 적용되지 않습니다
fix-turn-on-dns-hostnames = VPC { $vpc }에서 DNS 호스트 이름을 켜세요
reason-vpc-dns-off = VPC { $vpc }의 DNS 확인이 꺼져 있어 { $src }에서 클러스터 엔드포인트 이름을 확인하지 못합니다
fix-turn-on-dns-resolution = VPC { $vpc }에서 DNS 확인을 켜세요
step-phz-answers = { $who }에서 VPC 리졸버에 엔드포인트 이름을 묻고, 프라이빗 호스팅 영역이 EKS 소유 ENI 주소{ $ips }로 응답합니다.
step-phz-answers-forwarded = { $who }에서 클러스터 VPC의 리졸버(Route 53 Resolver 인바운드 엔드포인트)로 쿼리를 전달하고, 프라이빗 호스팅 영역이 EKS 소유 ENI 주소{ $ips }로 응답합니다.
warn-phz-ignored = 클러스터 VPC에서 { $missing } 설정이 꺼져 있어 EKS 프라이빗 호스팅 영역이 적용되지 않습니다. 이 VPC의 호스트는 퍼블릭 DNS 응답을 받습니다
fix-phz-ignored = DNS 확인과 DNS 호스트 이름을 켜고 AmazonProvidedDNS를 사용하세요 (또는 클러스터 도메인을 AmazonProvidedDNS로 전달하세요)
reason-forwarded-resolver-off = { $who }에서 VPC { $vpc }의 리졸버로 쿼리를 전달하지만, 이 VPC의 DNS 확인이 꺼져 있어 리졸버가 응답하지 않습니다
part-settings-off = { $missing } 꺼짐
part-no-cluster-vpc = 설계에 클러스터 VPC가 없음
part-vpc-dns-assumed-public = {" "}(프라이빗 호스팅 영역이 적용되지 않으므로 VPC의 DNS 서버가 퍼블릭 응답을 준다고 가정합니다. 추론)
step-public-dns-nlb = { $via ->
    [forwarded] { $who }에서 클러스터 VPC의 리졸버로 쿼리를 전달합니다. 그곳에는 프라이빗 호스팅 영역이 적용되지 않으므로({ $why }) 리졸버가 퍼블릭 응답을 줍니다(추론). 응답은
   *[lookup] { $who }에서 엔드포인트 이름을 조회합니다{ $why }. 퍼블릭 DNS의 응답은
} 퍼블릭 NLB 주소{ $ips }입니다{ $assumed }.
step-public-dns-eni = { $via ->
    [forwarded] { $who }에서 클러스터 VPC의 리졸버로 쿼리를 전달합니다. 그곳에는 프라이빗 호스팅 영역이 적용되지 않으므로({ $why }) 리졸버가 퍼블릭 응답을 줍니다(추론). 응답은
   *[lookup] { $who }에서 엔드포인트 이름을 조회합니다{ $why }. 퍼블릭 DNS의 응답은
} 프라이빗 전용 클러스터와 마찬가지로 EKS 소유 ENI의 프라이빗 주소{ $ips }입니다.
reason-dns-no-public-record = 이 프라이빗 전용 클러스터에는 프라이빗 IP에 대한 퍼블릭 DNS 레코드가 없어 { $src }에서 엔드포인트 이름을 확인하지 못합니다
fix-write-public-record = 퍼블릭 액세스를 한 번 켰다가 끄거나 클러스터를 업데이트해 EKS에서 프라이빗 IP의 퍼블릭 레코드를 쓰게 하세요. 또는 클러스터 도메인을 VPC 리졸버로 전달하세요

## 네트워크 ACL (security.rs).

part-a-public-address = 퍼블릭 주소
part-all-traffic = 모든 트래픽
part-acl-rule = 규칙 { $number }({ $action ->
    [allow] 허용
   *[deny] 거부
} { $what } { $cidr })
part-no-acl-rule-allows = 허용하는 규칙이 없어 마지막 * 규칙에서 거부합니다
part-acl-rule-denies = { $rule }에서 거부합니다
reason-nacl-blocks = 서브넷 { $subnet }의 네트워크 ACL { $acl }에서 { $what ->
    [reply] 응답
   *[request] 요청
}을 차단합니다({ $dir ->
    [inbound] 인바운드 { $ports }, 소스
   *[outbound] 아웃바운드 { $ports }, 대상
} { $remote }). { $by }
fix-add-acl-rule = 네트워크 ACL { $acl }에 { $dir ->
    [inbound] 소스가 { $cidr }인 { $ports } 인바운드 허용 규칙
   *[outbound] 대상이 { $cidr }인 { $ports } 아웃바운드 허용 규칙
}을 { $number ->
    [0] 일치하는 거부 규칙보다 낮은 번호로
   *[other] 규칙 번호 { $number }번으로
} 추가하세요

## 클러스터 구성 (mod.rs, domain.md §2.1).

err-no-endpoint = 두 엔드포인트가 모두 꺼져 있습니다. EKS에는 퍼블릭 또는 프라이빗 액세스가 필요합니다
fix-turn-on-private-access = 프라이빗 액세스(또는 퍼블릭 액세스)를 켜세요
part-cidr-ipv6-on-ipv4 = { $cidr }(IPv4 클러스터의 IPv6)
part-cidr-reserved = { $cidr }(프라이빗 또는 예약된 범위)
part-cidr-too-many = 항목 { $count }개(최대 40개)
part-comma = { $a }, { $b }
err-public-cidrs-invalid = publicAccessCidrs가 잘못되었습니다: { $problems }
fix-public-cidrs-invalid = 프라이빗 또는 예약된 범위가 아닌 퍼블릭 IPv4 CIDR을 최대 40개까지 지정하세요
err-cluster-subnets-one-az = 클러스터 서브넷이 가용 영역 { $count }개에만 있습니다. EKS에는 두 개 이상의 가용 영역에 서브넷이 필요합니다
fix-cluster-subnets-two-azs = EKS 소유 ENI를 두 가용 영역의 서브넷에 배치하세요
err-no-api-server = 설계에 API 서버 구성 요소가 없습니다
warn-cidrs-ignored = publicAccessCidrs가 설정되어 있지만 퍼블릭 액세스가 꺼져 있어 목록이 적용되지 않습니다
fix-cidrs-ignored = 퍼블릭 액세스를 켜거나 퍼블릭 액세스 CIDR 목록을 비우세요
warn-public-open = 퍼블릭 엔드포인트가 모든 주소(0.0.0.0/0)의 연결을 허용합니다
fix-public-open = publicAccessCidrs를 사무실과 NAT 주소로 제한하거나 퍼블릭 액세스를 끄세요
warn-hybrid-pubpriv = 두 엔드포인트가 모두 켜져 있어 하이브리드 노드 { $node }에서 엔드포인트 이름을 퍼블릭 IP로 확인합니다. AWS에서는 이 구성을 권장하지 않습니다
fix-hybrid-pubpriv = 하이브리드 노드가 있는 클러스터에서는 퍼블릭 또는 프라이빗 액세스 중 하나만 사용하세요
warn-no-nlb = 퍼블릭 액세스가 켜져 있지만 설계에 퍼블릭 NLB 구성 요소가 없어 경로에서 건너뜁니다
fix-add-nlb = AWS 관리형 VPC에 퍼블릭 NLB를 추가하세요

## 설계를 바꾸는 해결 방법: 버튼 이름 (fix.rs).

edit-add-public-cidr = 퍼블릭 액세스 CIDR에 { $cidr } 추가
edit-turn-on-both = 퍼블릭 및 프라이빗 액세스 켜기
edit-turn-on-public = 퍼블릭 액세스 켜기
edit-turn-on-private = 프라이빗 액세스 켜기
edit-put-route = { $table }에 { $destination } → { $target } 경로 추가
edit-allow-tcp = { $target }에서 { $dir ->
    [inbound] 소스 { $peer }의 TCP { $ports } 인바운드
   *[outbound] 대상 { $peer }의 TCP { $ports } 아웃바운드
} 허용
edit-set-public-ip = { $component }에 퍼블릭 IP { $ip } 할당
edit-set-nat-eip = { $nat }에 탄력적 IP { $ip } 할당
edit-make-nat-public = NAT 게이트웨이 { $nat }의 유형을 퍼블릭으로 변경
edit-turn-on-vpc-dns = { $vpc }에서 DNS 확인 및 호스트 이름(Amazon 제공 DNS) 켜기
edit-write-public-record = 퍼블릭 DNS 레코드 쓰기
edit-add-acl-rule = { $target }에서 { $dir ->
    [inbound] 소스 { $peer }의 TCP { $ports } 인바운드
   *[outbound] 대상 { $peer }의 TCP { $ports } 아웃바운드
} 허용 (규칙 { $number })
edit-associate = { $table }에 { $attachment } 연결
edit-carry-cidr = { $link }에서 { $cidr } 전달
