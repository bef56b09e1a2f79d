verdict-reachable = 도달 가능, 노출 { $exposure } ({ $badge })
verdict-crosses-public = 퍼블릭 IP를 거침
verdict-stays-private = 프라이빗 네트워크 안에 머묾
verdict-blocked-at = { $at }에서 차단됨: { $code }
verdict-blocked = 차단됨: { $code }
report-title = { $design } — 모드: { $mode }
report-flow = { $flow }: { $source } → { $target }
report-flow-dns = { $flow }: { $source } → { $target }, DNS { $dns }
report-verdict = 판정: { $verdict }
report-fix = 해결: { $fix }
report-errors = 오류:
report-warnings = 경고:
path-direct = 직접 연결
path-blocked = 차단됨 ({ $code })
who-kubectl = { $id }의 kubectl
who-kubelet = { $id }의 kubelet
who-api = API 서버에서 { $id }의 kubelet으로
md-title = ## { $design }: 엔드포인트 액세스 { $mode }
md-table = | 흐름 | 출발 | 도착 | 판정 | 노출 | DNS | 홉 |
md-reachable = 도달 가능
md-blocked = 차단됨: `{ $code }`
md-verdict = **{ NOPERIOD($verdict) }.** { NOPERIOD($reason) }.
md-fix = 해결: { $fix }.
md-errors = 오류
md-warnings = 경고
md-finding-fix = {" "}해결: { $fix }.

## 두 설계 또는 두 모드의 차이 (`diff`, 앱의 비교 보기).

diff-flow-name = { $flow }: { $source } → { $target } :{ $port }
diff-reachable = 연결됨
diff-blocked = 차단됨
diff-side = { $verdict }{ $code }, 노출 { $exposure }
diff-dns-none = 없음
diff-new-flow = 새 흐름: { $side }
diff-flow-gone = 없어진 흐름 (이전: { $side })
diff-verdict = 판정: { $before } → { $after }
diff-exposure = 노출: { $before } → { $after }
diff-dns = DNS: { $before } → { $after }
diff-path = 경로: { $before } → { $after }
diff-now = 현재: { $reason }
diff-because = 원인: { $causes }
item-component = 구성 요소
item-connection = 연결
item-security-group = 보안 그룹
item-network-acl = 네트워크 ACL
item-cluster = 클러스터
diff-added = { $item } { $id } 추가됨
diff-removed = { $item } { $id } 제거됨
diff-changed = { $item } { $id } 변경됨: { $fields }
diff-mode = 모드: { $before } → { $after }
diff-no-flow = 바뀐 흐름 없음
diff-flows-changed = 바뀐 흐름 { $count }개:
diff-regression-mark = {" "}(회귀)
diff-items-changed = 바뀐 항목 { $count }개:
md-diff-title = ### eksplain: 이 변경이 경로에 미치는 영향
md-diff-mode = 엔드포인트 액세스: **{ $before }** → **{ $after }**
md-diff-no-flow = 바뀐 흐름이 없습니다.
md-diff-flows-changed = 바뀐 흐름 { $count }개{ $regressions ->
    [0] {""}
   *[other] , **회귀 { $regressions }개**
}.
md-diff-table = | 흐름 | 이전 | 이후 | 원인 |
md-diff-items = 바뀐 항목

## 팀 정책 (policy.rs, policy_report.rs).

pol-unnamed = (이름 없음)
pol-private-access-off = 클러스터 { $cluster }: 프라이빗 액세스가 꺼져 있습니다
pol-fix-use-vpc-resolver = { $node }에서 VPC 리졸버(DNS 확인 켜짐, AmazonProvidedDNS)로 엔드포인트 이름을 확인하게 해 EKS 소유 ENI 주소를 받도록 하세요
pol-fix-kubelet-private = 프라이빗 액세스를 켜세요. 그러면 kubelet이 EKS 소유 ENI를 거쳐 API에 연결합니다
pol-kubelet-public = 노드 { $node }의 kubelet이 퍼블릭 IP를 거쳐 API에 연결합니다
pol-kubelet-public-via = 노드 { $node }의 kubelet이 퍼블릭 IP를 거쳐 API에 연결합니다 ({ $via } 경유)
pol-range-not-cidr = 정책의 범위 { $range }: CIDR 형식이 아닙니다 ({ $error })
pol-fix-range-not-cidr = { $range } 범위를 203.0.113.0/24 같은 CIDR 형식으로 쓰세요
pol-cidr-outside = 퍼블릭 엔드포인트가 허용 범위({ $allowed }) 밖의 { $cidr } 범위를 허용합니다
pol-fix-remove-cidr = 퍼블릭 액세스 CIDR에서 { $cidr } 범위를 빼세요
pol-kubectl-outside = { $src }({ $ip })의 kubectl이 허용 범위 밖에서 API에 연결합니다
pol-fix-kubectl-outside = 퍼블릭 액세스 CIDR이나 보안 그룹으로 { $ip } 주소를 막거나, 그 범위를 정책에 추가하세요
pol-open-public = 클러스터 { $cluster }: 퍼블릭 엔드포인트가 인터넷의 모든 주소({ $cidr })를 허용합니다
pol-fix-open-public = 퍼블릭 액세스 CIDR의 { $cidr } 범위를 kubectl을 실행하는 범위로 바꾸거나 퍼블릭 액세스를 끄세요
pol-kubelet-blocked = 노드 { $node }의 kubelet이 API에 연결하지 못합니다 ({ $code })
pol-api-blocked = API 서버가 { $node }의 포트 { $port }에 연결하지 못합니다 ({ $code })
pol-fix-see-reason = { NOPERIOD($reason) }
pol-node-public-ip = 노드 { $node }에 퍼블릭 IP({ $ip })가 있습니다
pol-fix-remove-public-ip = { $node }의 퍼블릭 IP를 제거하세요
pol-node-auto-ip = 노드 { $node }에 퍼블릭 IP가 할당됩니다. 서브넷 { $subnet }에서 시작할 때 자동으로 할당하기 때문입니다
pol-fix-auto-ip = { $subnet }에서 퍼블릭 IP 자동 할당을 끄거나, 퍼블릭 IP 없이 { $node } 노드를 시작하세요
pol-title-file = 정책 { $file }
pol-title = 정책 "{ $name }" ({ $file })
pol-text-all-hold = { $title }: 규칙 { $rules }개, 모두 충족
pol-text-violations = { $title }: 규칙 { $rules }개, 위반 { $count }개:
pol-md-all-hold = 규칙 { $rules }개를 모두 충족합니다.
pol-md-table = | 규칙 | 위치 | 위반 | 해결 |

cli-rejected = { $path }: 오류 { $code }{ $at }: { $message }
cli-ok = { $path }: 이상 없음
cli-output-exists = { $path }: 파일이 이미 있습니다. 갱신하려면 --update, 바꾸려면 --force를 주세요
cli-imported = { $path }: 구성 요소 { $components }개, 보안 그룹 { $groups }개, 네트워크 ACL { $acls }개
cli-not-canonical = { $path }: 표준 형식이 아닙니다
cli-rewritten = { $path }: 다시 썼습니다
cli-wrote = { $path } 파일을 썼습니다
cli-cannot-write-report = 보고서를 쓸 수 없습니다: { $error }
cli-cannot-write-json = JSON을 쓸 수 없습니다: { $error }

policy-file-no-rules = 정책에 규칙이 없습니다
policy-file-no-ranges = kubectl_only_from에 범위가 없습니다(모든 클라이언트를 거부하게 됩니다)
policy-file-bad-range = kubectl_only_from: CIDR이 아닙니다: "{ $range }". { $error }
policy-file-too-large = 파일 크기가 { $size }바이트입니다. 정책 파일은 { $limit }바이트까지 읽습니다
