net-ipv6-cidr = IPv6 CIDR입니다: "{ $text }". 여기서는 IPv4만 다룹니다
net-bad-cidr-v4 = 올바른 IPv4 CIDR이 아닙니다: "{ $text }"(예: 10.0.0.0/16)
net-bad-cidr = 올바른 CIDR이 아닙니다: "{ $text }"(예: 203.0.113.0/24)
net-bad-ip = 올바른 IPv4 주소가 아닙니다: "{ $text }"(예: 10.0.1.10)

id-empty = ID가 비어 있습니다
id-too-long = ID가 64자를 넘습니다: "{ $id }"
id-reserved-local = "local"은 로컬 경로 대상을 위해 예약된 이름입니다
id-reserved-blackhole = "blackhole"은 트래픽을 버리는 전송 게이트웨이 경로를 위해 예약된 이름입니다
id-bad-chars = ID에는 영문자, 숫자, '-', '_', '.'만 쓸 수 있습니다: "{ $id }"

place-goes-in = { $kind }: { $places }에만 둘 수 있습니다
place-top-level = 최상위
part-or = { $a } 또는 { $b }

problem-error = 오류
problem-warning = 경고
problem-in-component-field = { $severity } { $code }, 구성 요소 `{ $component }`의 필드 `{ $field }`: { $message }
problem-in-component = { $severity } { $code }, 구성 요소 `{ $component }`: { $message }
problem-in-field = { $severity } { $code }, 필드 `{ $field }`: { $message }
problem-plain = { $severity } { $code }: { $message }

val-duplicate-id = ID "{ $id }"를 여러 구성 요소가 함께 쓰고 있습니다
val-geometry-range = 위치와 크기는 ±10,000,000 안의 유한한 숫자여야 합니다
val-size-positive = 크기 { $w }×{ $h }는 0보다 커야 합니다
val-unknown-parent = 상위 요소 "{ $parent }"가 없습니다
val-bad-placement = { $hint }. 지금은 { $here }
val-sits-in = { $kind } "{ $id }" 안에 있습니다
val-sits-top = 최상위에 있습니다
val-outside-parent = 상자 일부가 상위 요소 "{ $parent }" 밖으로 나가 있습니다
val-cycle = 구성 요소가 (간접적으로) 자기 자신의 상위 요소입니다
val-ip-outside-subnet = { $ip }가 서브넷 "{ $subnet }"({ $cidr }) 범위 밖에 있습니다
val-missing-ip = { $kind }에는 프라이빗 IP가 필요합니다
val-duplicate-route = { $net } 경로는 이미 routes[{ $first }]에 있습니다
val-local-target-subnet-only = 로컬 대상은 서브넷 라우팅 테이블에만 쓸 수 있습니다
val-unknown-route-target = 경로 대상 "{ $target }"가 없습니다
val-bad-route-target = "{ $id }"는 { $kind }입니다. 경로 대상은 local이거나 { $allowed } 중 하나여야 합니다
val-gateway-other-vpc = { $kind } "{ $id }"가 다른 VPC에 있습니다
val-vpc-no-cidr = VPC에는 CIDR 블록이 하나 이상 있어야 합니다
val-recent-not-in-vpc = { $cidr }는 이 VPC의 cidr_blocks에 없습니다
val-subnet-outside-vpc = { $net }가 VPC "{ $vpc }"의 어떤 CIDR 블록({ $blocks })에도 들어가지 않습니다
val-no-az = 서브넷에 가용 영역이 없습니다
val-onprem-node-hybrid = 온프레미스 네트워크의 워커 노드는 하이브리드 노드여야 합니다(hybrid: true)
val-client-needs-ip = 네트워크 안의 클라이언트에는 프라이빗 IP가 필요합니다
val-subnet-overlap = { $net }가 서브넷 "{ $other }"와 겹칩니다
val-duplicate-ip = { $ip }는 같은 VPC의 "{ $other }"도 쓰는 주소입니다
val-duplicate-public-ip = { $ip }는 "{ $other }"의 퍼블릭 주소이기도 합니다
val-unknown-connection-end = 연결 끝점 "{ $id }"가 없습니다
val-bad-attachment = 연결은 VPN, 전송 게이트웨이 또는 피어링을 네트워크에 이어야 합니다. "{ $a }"는 { $akind }, "{ $b }"는 { $bkind }입니다
val-unknown-cluster-subnet = 클러스터 서브넷 "{ $id }"가 없습니다
val-cluster-subnet-not-subnet = "{ $id }"는 서브넷이 아니라 { $kind }입니다
val-eni-outside-cluster-subnets = 서브넷 "{ $subnet }"가 cluster.subnet_ids에 없습니다. EKS는 클러스터 서브넷에만 ENI를 만듭니다
val-enis-several-vpcs = EKS 소유 ENI가 여러 VPC({ $vpcs })에 있습니다. 클러스터의 VPC는 하나입니다
val-ports-reversed = 포트 범위 { $from }-{ $to }의 순서가 거꾸로입니다
val-sg-id-twice = 보안 그룹 ID "{ $id }"가 두 번 쓰였습니다
val-unknown-sg = 보안 그룹 "{ $id }"가 없습니다
val-acl-id-twice = 네트워크 ACL ID "{ $id }"가 두 번 쓰였습니다
val-acl-number-twice = "{ $acl }"의 { $dir ->
    [inbound] 인바운드
   *[outbound] 아웃바운드
} 규칙 번호 { $number }가 두 번 쓰였습니다
val-unknown-acl = 네트워크 ACL "{ $id }"가 없습니다
val-port-zero = 포트 0은 쓸 수 없는 포트입니다
val-rt-id-twice = 라우팅 테이블 ID "{ $id }"가 두 번 쓰였습니다
val-rt-not-tgw = 라우팅 테이블 { $table }: "{ $tgw }"는 전송 게이트웨이가 아닙니다
val-rt-not-attached = 라우팅 테이블 { $table }: "{ $id }"가 { $tgw }에 연결되어 있지 않습니다
val-rt-associated-elsewhere = 라우팅 테이블 { $table }: "{ $id }"의 연결은 이미 { $tgw }의 다른 테이블에 연결되어 있습니다
val-rt-two-routes = 라우팅 테이블 { $table }: { $dest }로 가는 정적 경로가 두 개입니다
val-rt-bad-destination = 라우팅 테이블 { $table }: { $reason }
val-rt-bad-target = 라우팅 테이블 { $table }: 대상 "{ $target }"는 blackhole도 아니고 { $tgw }에 연결되어 있지도 않습니다
val-carried-not-link = "{ $id }"는 VPN이나 피어링이 아닙니다
val-carried-twice = { $id }의 범위가 두 번 나옵니다
val-carried-bad-cidr = { $link }: { $reason }

refuse-no-component = 구성 요소 "{ $id }"가 없습니다
refuse-no-named = { $what } "{ $id }"가 없습니다
refuse-named-id-taken = { $what } ID "{ $id }"는 이미 쓰이고 있습니다
refuse-what-sg = 보안 그룹
refuse-what-acl = 네트워크 ACL
refuse-id-taken = ID "{ $id }"는 이미 쓰이고 있습니다
refuse-box-too-small = 상자는 20×20 이상이어야 합니다
refuse-container-too-small = 컨테이너는 안에 든 것보다 작아질 수 없습니다
refuse-inside-itself = 컨테이너를 자기 안에 넣을 수 없습니다
refuse-kind-fixed = 구성 요소의 종류는 바꿀 수 없습니다
refuse-connection-same-ends = 연결에는 서로 다른 두 끝점이 필요합니다
refuse-already-connected = 이 둘은 이미 연결되어 있습니다
refuse-no-connection = 그런 연결이 없습니다
refuse-no-acl = 네트워크 ACL "{ $id }"가 없습니다
refuse-no-sg = 보안 그룹 "{ $id }"가 없습니다

io-cannot-read = { $path }: 파일을 읽을 수 없습니다: { $error }
io-too-large = { $path }: 파일 크기가 { $size }바이트입니다. 설계 파일은 { $limit }바이트까지 읽습니다
io-not-utf8 = { $path }:{ $line }:{ $col }: UTF-8 텍스트 파일이 아닙니다
io-newer-version = { $path }: 파일 형식 버전이 { $found }인데 이 eksplain은 버전 { $supported }까지 읽습니다. 파일을 열려면 eksplain을 업데이트하세요
io-invalid = { $path }: 설계가 올바르지 않습니다:
    { $problems }
io-cannot-save = { $path }: 저장할 수 없습니다: { $error }. 기존 파일은 그대로 두었습니다
io-cannot-serialize = { $path }: 설계를 RON으로 쓸 수 없습니다: { $error }

field-not-a-port-range = 포트가 아닙니다: "{ $text }"(0-65535)
field-not-a-port = 포트가 아닙니다: "{ $text }"(1-65535)
field-range-reversed = 범위 { $from }-{ $to }의 순서가 거꾸로입니다
field-id-taken = 이미 쓰이는 ID입니다: "{ $id }"
