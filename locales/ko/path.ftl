## API 서버 → kubelet (kubelet.rs).

reason-node-outside-vpc = 노드 { $node }의 위치가 클러스터 VPC 밖이라 EKS 소유 ENI에서 연결할 수 없습니다
reason-node-outside-vpc-hybrid = 노드 { $node }의 위치가 클러스터 VPC 밖이라 EKS 소유 ENI에서 연결할 수 없습니다 (하이브리드 노드에는 원격 노드 네트워크가 필요하며, 이 도구에서는 모델링하지 않습니다)
fix-move-node-into-cluster-vpc = 노드 { $node }의 위치를 클러스터 VPC의 서브넷으로 옮기세요
fix-move-node-into-vpc = 노드 { $node }의 위치를 클러스터 VPC { $vpc }의 서브넷으로 옮기세요
reason-no-eks-eni = API 서버는 EKS 소유 ENI를 통해 노드에 연결하는데, 설계에 EKS 소유 ENI가 없습니다
part-sg-list = { $count ->
    [0] 보안 그룹(없음)
    [1] 보안 그룹 { $last }
   *[other] 보안 그룹 { $rest }, { $last }
}
reason-node-sg-blocks = 노드의 { $groups }에서 제어 플레인(보안 그룹 { $sg })의 TCP { $port } 연결을 차단합니다{ $count ->
    [0] {""}
   *[other] {""}
}. { $effect }
part-kubectl-logs-time-out = kubectl 로그 조회, 명령 실행, 포트 포워딩이 시간 초과됩니다
part-webhooks-time-out = 어드미션 웹후크 호출이 시간 초과됩니다
part-node-sg = 노드 보안 그룹
fix-allow-tcp-from-sg = { $target }에 보안 그룹 { $sg }에서 오는 TCP { $port } 인바운드 규칙을 추가하세요
part-kubelet-on = 노드 { $node }의 kubelet
part-webhook-port-of = 노드 { $node }의 포트 { $port }(웹후크)
step-api-dials-through-eni = API 서버 { $api }에서 고객 VPC의 EKS 소유 ENI({ $eni })를 거쳐 { $what }({ $ip }:{ $port })에 연결합니다.
part-its-subnet = 해당 서브넷
step-eni-local-route-delivers = { $subnet }의 로컬 경로가 VPC 안에서 노드 { $node }까지 연결을 전달합니다. NAT 게이트웨이나 인터넷 게이트웨이는 거치지 않습니다.
warn-cidr-not-reconciled = VPC CIDR { $cidr }의 연결 후 아직 약 1시간이 지나지 않았습니다. EKS에서 이를 반영하기 전까지 노드 { $node }에 대한 kubectl 로그 조회, 명령 실행, 포트 포워딩이 실패할 수 있습니다
fix-wait-cidr-reconciled = { $cidr } 연결 후 약 1시간 기다리거나, 노드 { $node }의 위치를 이전 VPC CIDR의 서브넷으로 옮기세요
reason-api-reaches-through-eni = API 서버 { $api }에서 EKS 소유 ENI({ $eni })를 거쳐 { $what }에 연결합니다. 트래픽은 VPC 안에 머뭅니다

## kubectl 또는 kubelet → API (path.rs).

part-kubectl-on = { $src }의 kubectl
part-via-public-nlb = 퍼블릭 NLB
part-via-eks-eni = EKS 소유 ENI
reason-reaches-api-private = { $who }에서 { $via }를 거쳐 { $api }에 연결합니다. 프라이빗 네트워크 밖으로 나가는 트래픽은 없습니다
reason-reaches-api-aws-public = { $who }에서 { $via }를 거쳐 { $api }에 연결합니다. 요청은 VPC를 벗어나 퍼블릭 IP로 가지만 Amazon 네트워크 안에 머뭅니다
reason-reaches-api-internet = { $who }에서 인터넷을 통해 { $via }를 거쳐 { $api }에 연결합니다

## 전송 게이트웨이, VPN, 피어링 (transit.rs).

reason-tgw-attachment-no-table = 전송 게이트웨이 { $tgw }에 대한 { $prev }의 연결에 연결된 라우팅 테이블이 없어, { $tgw }에서 { $dest } 주소로 가는 트래픽을 삭제합니다
fix-associate-attachment = { $prev }의 연결을 라우팅 테이블 { $table }에 연결하세요
fix-give-tgw-table = 전송 게이트웨이 { $tgw }에 { $prev }용 라우팅 테이블을 추가하세요
fix-replace-blackhole = 라우팅 테이블 { $table }에서 블랙홀 경로 { $destination } 대신 대상이 { $target }인 경로를 넣으세요
fix-add-tgw-static-route = 라우팅 테이블 { $table }에 정적 경로 { $destination } → { $target } 항목을 추가하세요 (또는 { $target }의 경로를 전파하세요)
fix-attach-network-to-tgw = { $dest } 주소가 있는 네트워크를 전송 게이트웨이 { $tgw }에 연결하고 { $table }에 경로를 추가하세요
reason-tgw-table-no-route = 전송 게이트웨이 { $tgw }의 라우팅 테이블 { $table }({ $prev } 연결)에 { $dest } 경로가 없습니다
fix-associate-attachment-instead = { $prev }의 연결을 { $current } 대신 { $dest } 경로가 있는 라우팅 테이블 { $table }에 연결하세요
reason-tgw-blackhole = 전송 게이트웨이 { $tgw }의 라우팅 테이블 { $table }에서 { $dest } 트래픽을 삭제합니다. 경로 { $route }의 대상이 블랙홀입니다
reason-peering-no-transit = VPC 피어링 { $link }의 역할은 두 VPC 연결뿐이라, { $dest } 트래픽을 { $next }까지 전달하지 않습니다
fix-connect-network-directly = { $dest } 주소가 있는 네트워크를 VPC에 직접 연결하세요 (별도 피어링 또는 둘 다 전송 게이트웨이에 연결)
reason-link-carries-none = { $link }에서 전달하는 범위가 없어, { $next }의 { $dest } 트래픽이 이 연결로 전송되지 않습니다
reason-link-carries-only = { $link }에서 전달하는 범위는 { $cidrs }뿐이라, { $next }의 { $dest } 트래픽이 이 연결로 전송되지 않습니다
fix-add-carried-range = { $link }에서 전달하는 범위에 { $cidr } 범위를 추가하세요
fix-advertise-bgp-tgw = 고객 게이트웨이에서 { $link }의 동적 라우팅으로 { $cidr } 범위를 알리세요 (정적 VPN이면 전송 게이트웨이 라우팅 테이블에 { $cidr } → { $link } 경로를 추가하세요)
fix-advertise-over-vpn = { $link }에서 { $cidr } 범위를 알리세요 (VPN 연결의 정적 경로 또는 고객 게이트웨이의 동적 라우팅 알림)

## EKS 소유 ENI로 가는 프라이빗 경로 (path.rs).

reason-resolves-to-missing-eni = 엔드포인트가 EKS 소유 ENI로 확인되지만, 설계에 EKS 소유 ENI가 없습니다
part-the-cluster-vpc = (클러스터 VPC)
reason-eni-no-private-ip = EKS 소유 ENI { $eni }에 유효한 프라이빗 IP가 없습니다
fix-give-eni-private-ip = EKS 소유 ENI { $eni }에 서브넷 CIDR 안의 프라이빗 IP를 지정하세요
reason-no-route-into-vpc = 엔드포인트가 프라이빗 IP { $ip } 주소로 확인되지만, { $src }에서 VPC { $vpc }에 들어가는 경로가 없습니다: { $why } (추론: 연결된 네트워크만 트래픽을 그곳까지 전달할 수 있습니다)
fix-run-kubectl-inside-vpc = VPC { $vpc } 안이나 연결된 네트워크(VPN, 전송 게이트웨이, 피어링 + VPC 리졸버로의 DNS 전달)에서 kubectl을 실행하세요
fix-run-kubectl-inside-vpc-or-public = VPC { $vpc } 안이나 연결된 네트워크(VPN, 전송 게이트웨이, 피어링 + VPC 리졸버로의 DNS 전달)에서 kubectl을 실행하거나, 퍼블릭 액세스를 켜세요
fix-run-inside-vpc = VPC { $vpc } 안이나 연결된 네트워크(VPN, 전송 게이트웨이, 피어링 + VPC 리졸버로의 DNS 전달)에서 실행하세요
fix-run-inside-vpc-or-public = VPC { $vpc } 안이나 연결된 네트워크(VPN, 전송 게이트웨이, 피어링 + VPC 리졸버로의 DNS 전달)에서 실행하거나, 퍼블릭 액세스를 켜세요
part-not-attached = { $start }의 연결 대상에 { $from } 항목이 없습니다
part-no-network-contains = { $start }에 연결된 네트워크 중 { $dest } 주소가 있는 곳이 없습니다
part-onprem-no-route = 온프레미스 네트워크 { $net }에 { $dest } 경로가 없습니다
part-on-internet-no-vpn = 인터넷에 있으며 VPC로 들어가는 VPN이나 Direct Connect가 없습니다
step-local-route-to-eni = { $subnet }의 로컬 경로가 요청을 VPC { $vpc } 안의 EKS 소유 ENI { $eni }({ $ip })까지 보냅니다. 더 구체적인 경로가 이를 덮어쓰지 않습니다(추론).
part-subnet-no-route = { $subnet }의 라우팅 테이블에 { $dest } 경로가 없습니다
part-subnet-sends-to = { $subnet }의 라우팅 테이블에서 { $dest } 트래픽을 { $target }에 보냅니다
reason-route-leads-elsewhere = { $src }에서 { $dest } 주소로 가는 경로가 클러스터 VPC가 아닌 { $reached }에 도착합니다
part-and = { $a } 및 { $b }
step-routes-through-connection = { $from }에서 { $dest } 트래픽을 { $through } 경유로 VPC { $vpc } 안의 EKS 소유 ENI { $eni }까지 보냅니다(프라이빗 연결).
step-routes-through-connection-inferred = { $from }에서 { $dest } 트래픽을 { $through } 경유로 VPC { $vpc } 안의 EKS 소유 ENI { $eni }까지 보냅니다(프라이빗 연결, 원격 범위의 트래픽을 전달한다는 점은 추론).
part-an-api-server = API 서버
step-eni-carries-into-managed-vpc = EKS 소유 ENI { $eni }에서 요청을 AWS 관리형 VPC의 { $api }까지 전달합니다.
fix-give-cluster-subnets = 두 가용 영역에 클러스터 서브넷을 지정하세요. EKS는 그곳에 ENI를 배치합니다(EKS 소유 ENI로 그리세요)
fix-draw-eks-enis = EKS에서 클러스터 서브넷({ $subnets })에 배치하는 EKS 소유 ENI를 그리세요

## 노드 경고 (path.rs).

warn-node-public-ip = 노드 { $node }에 퍼블릭 서브넷의 퍼블릭 IP가 있어 인터넷에서 접근할 수 있습니다
warn-node-auto-public-ip = 노드 { $node }에 퍼블릭 서브넷에서 자동 할당된 퍼블릭 IP가 있어(서브넷이 시작 시 퍼블릭 IP를 할당) 인터넷에서 접근할 수 있습니다
fix-node-private-subnets = 노드를 프라이빗 서브넷에 두거나 퍼블릭 IP를 제거하세요
warn-node-no-aws-api-egress = 서브넷 { $subnet }에 NAT나 인터넷 송신 경로가 없고 VPC { $vpc }에 { $endpoints } 엔드포인트가 없어, 노드 { $node }에서 부트스트랩이나 이미지 가져오기를 할 수 없습니다
fix-add-nat-or-endpoints = NAT 게이트웨이 경로나 { $endpoints } VPC 엔드포인트를 추가하세요

## 경로상의 보안 그룹 (path.rs).

part-sg-list-cap = { $count ->
    [0] 보안 그룹(없음)
    [1] 보안 그룹 { $last }
   *[other] 보안 그룹 { $rest }, { $last }
}
reason-sg-no-egress = { $src }의 { $groups }에 { $dest } 주소로 가는 TCP { $port } 아웃바운드 규칙이 없습니다
part-its-sg = 해당 보안 그룹
fix-allow-tcp-egress = { $group }에 { $dest }/32 대상 TCP { $port } 아웃바운드 규칙을 추가하세요
part-the-cluster-sg = 클러스터 보안 그룹
part-peer-sg = 보안 그룹 { $sg }
part-the-source = 소스
reason-cluster-sg-no-443 = 클러스터 { $groups }에서 { $src }({ $ip })의 TCP 443 연결을 허용하지 않습니다{ $count ->
    [0] {""}
   *[other] {""}
}
fix-allow-443-from = { $group }에 { $peer } 소스의 TCP 443 인바운드 규칙을 추가하세요

## 퍼블릭 경로: 경로, 인터넷 게이트웨이, NAT 게이트웨이 (path.rs).

part-or-private-access = . 또는 프라이빗 액세스를 켜세요
fix-add-route-to = { $subnet }의 라우팅 테이블에 { $destination } → { $target } 경로를 추가하세요{ $alt }
fix-private-access-or-nat = 프라이빗 액세스를 켜거나, { $vpc }의 퍼블릭 서브넷에 NAT 게이트웨이를 추가하고 { $subnet }의 0.0.0.0/0 경로를 그곳으로 보내세요
fix-add-nat = { $vpc }의 퍼블릭 서브넷에 NAT 게이트웨이를 추가하고 { $subnet }의 0.0.0.0/0 경로를 그곳으로 보내세요
reason-igw-without-public-ip = { $src }의 경로가 인터넷 게이트웨이 { $igw }에 연결되지만 퍼블릭 IP가 없습니다
fix-route-to-nat-or-public-ip = { $subnet }의 0.0.0.0/0 경로를 NAT 게이트웨이 { $nat }에 보내거나, { $src }에 퍼블릭 IP를 지정하세요{ $alt }
fix-public-ip-or-nat = { $src }에 퍼블릭 IP를 지정하거나, 0.0.0.0/0 경로를 NAT 게이트웨이로 보내세요{ $alt }
step-route-to-nat = { $subnet }의 라우팅 테이블에서 { $dest } 트래픽을 NAT 게이트웨이 { $nat }에 보냅니다.
reason-not-a-nat = { $nat } 항목은 NAT 게이트웨이가 아닙니다
reason-private-nat = NAT 게이트웨이 { $nat }의 유형이 프라이빗 NAT 게이트웨이라 인터넷 경로가 없습니다
fix-make-nat-public = { $nat }의 유형을 퍼블릭 NAT 게이트웨이로 바꾸세요(인터넷 게이트웨이로 라우팅되는 서브넷에 두세요){ $alt }
reason-nat-subnet-no-igw = NAT 게이트웨이 { $nat }의 서브넷 { $subnet }에 인터넷 게이트웨이 경로가 없습니다
fix-route-to-igw = { $subnet }의 0.0.0.0/0 경로를 인터넷 게이트웨이 { $igw }에 보내세요{ $alt }
part-the-vpc = 해당 VPC
fix-attach-igw = { $vpc }에 인터넷 게이트웨이를 연결하고 NAT 게이트웨이 { $nat }의 서브넷에서 0.0.0.0/0 경로를 그곳으로 보내세요{ $alt }
reason-nat-no-eip = NAT 게이트웨이 { $nat }에 탄력적 IP가 없습니다
fix-allocate-eip = NAT 게이트웨이 { $nat }에 탄력적 IP를 할당하세요
part-the-public-endpoint = 퍼블릭 엔드포인트
part-the-public-endpoint-at = 퍼블릭 엔드포인트 { $ip }
reason-no-internet-route = { $src }에 인터넷 경로가 없어({ $subnet }의 라우팅 테이블에 IGW나 NAT로 가는 0.0.0.0/0 경로가 없음) { $endpoint }에 연결할 수 없습니다
step-route-to-igw-auto-ip = { $subnet }의 라우팅 테이블에서 { $dest } 트래픽을 인터넷 게이트웨이 { $igw }에 보냅니다. 요청은 { $subnet }에서 시작 시 자동 할당하는 퍼블릭 IP(map_public_ip_on_launch, 설계에 주소 없음)로 VPC를 나가 { $endpoint }에 도착합니다(Amazon 네트워크 안에 머뭅니다).
step-route-to-igw = { $subnet }의 라우팅 테이블에서 { $dest } 트래픽을 인터넷 게이트웨이 { $igw }에 보냅니다. 요청은 퍼블릭 IP { $ip } 주소로 VPC를 나가 { $endpoint }에 도착합니다(Amazon 네트워크 안에 머뭅니다).
part-its-eip-unknown = 해당 탄력적 IP(배포 시 할당, 설계에 주소 없음)
part-its-eip = 해당 탄력적 IP { $ip }
step-nat-rewrites-source = { $nat }에서 소스를 { $address } 주소로 바꾸고 인터넷 게이트웨이({ $igw })를 거쳐 { $endpoint }에 요청을 보냅니다(VPC를 나가지만 Amazon 네트워크 안에 머뭅니다).
reason-internet-via-connection = { $subnet }의 라우팅 테이블에서 인터넷 트래픽을 { $target }에 보냅니다. 연결된 네트워크를 통한 송신은 모델링하지 않으므로 { $src }에서 { $endpoint }에 연결할 수 없습니다
step-over-internet = { $src }에서 { $from } 주소로 인터넷을 거쳐 { $endpoint }에 요청을 보냅니다.
reason-onprem-no-egress = { $src }에 인터넷 경로가 없어(온프레미스 네트워크 { $net }에 인터넷 송신 경로 없음) { $endpoint }에 연결할 수 없습니다
fix-onprem-egress = 온프레미스 네트워크 { $net }에 인터넷 송신 주소를 지정하세요
fix-onprem-egress-or-private = 온프레미스 네트워크 { $net }에 인터넷 송신 주소를 지정하거나, 프라이빗 액세스를 켜고 VPC 연결을 통해 EKS 소유 ENI에 연결하세요
step-onprem-egress = 요청은 온프레미스 네트워크 { $net }에서 회사 인터넷 송신 주소({ $egress })를 거쳐 인터넷으로 { $endpoint }에 갑니다.
step-onprem-connection-unused = {" "}AWS로 가는 VPN이나 전송 연결은 사용하지 않습니다. 엔드포인트 이름이 퍼블릭 주소로 확인되기 때문입니다(추론).

## 퍼블릭 액세스 CIDR (path.rs).

part-whose-onprem-egress = {" "}(온프레미스 인터넷 송신 주소)
part-whose-nat-eip = {" "}(NAT { $nat }의 탄력적 IP)
reason-not-in-public-cidrs = 퍼블릭 엔드포인트는 { $cidrs } 범위만 허용하는데, { $src }의 트래픽은 { $from }{ $whose } 주소에서 옵니다
fix-add-public-cidr = 퍼블릭 액세스 CIDR에 { $ip }/32{ $whose } 범위를 추가하세요{ $alt }
fix-add-nat-eip-cidr = NAT { $nat }의 탄력적 IP(할당 후 확인 가능)를 /32 범위로 퍼블릭 액세스 CIDR에 추가하세요{ $alt }
fix-give-eip-add-cidr = { $src }에 탄력적 IP를 지정하고 퍼블릭 액세스 CIDR에 추가하세요{ $alt }
step-nlb-accepts = 퍼블릭 NLB에서 소스 { $from } 주소를 받아들이고(퍼블릭 액세스 CIDR의 { $rule } 범위로 허용) { $api }에 전달합니다.

## API 서버와 반환 경로 (path.rs).

reason-no-api-server = 설계에 API 서버 구성 요소가 없습니다
fix-add-api-server = AWS 관리형 VPC(제어 플레인)에 API 서버를 추가하세요
reason-no-return-route = 클러스터 서브넷 { $subnet }의 라우팅 테이블에 { $net } 연결을 거쳐 { $cidr } 주소로 돌아가는 경로가 없습니다
part-the-connection-it-came-through = 들어온 연결
fix-add-return-route = { $subnet }의 라우팅 테이블에 { $cidr } → { $via } 경로를 추가하세요
step-return-route = 클러스터 서브넷 { $subnet }의 라우팅 테이블에 { $ip } 주소로 돌아가는 경로가 있어 응답이 같은 길로 돌아옵니다(추론).

nothing = {""}
