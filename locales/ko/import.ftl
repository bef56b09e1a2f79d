# 가져오기(src/import): 가져오기가 가정하거나 만들어 넣거나 제외한 것에 대한 메모, 가져오기 오류.

## 메모

imp-kind-assumed = 가정
imp-kind-synthesised = 생성
imp-kind-dropped = 제외
imp-note-line = { $kind }: { $text }

## 입력 형식

imp-format-auto = 자동
imp-format-aws = AWS CLI 출력
imp-format-terraform = `terraform show -json` 출력
imp-format-eksctl = eksctl 구성 파일
imp-format-cloudformation = CloudFormation 템플릿

## 오류

imp-err-read = { $path }: 읽을 수 없습니다: { $error }
imp-err-too-large = { $path }: 파일 크기가 { $size }바이트입니다. 가져오기는 { $limit }바이트까지만 읽습니다
imp-err-not-utf8 = { $path }: UTF-8 텍스트 파일이 아닙니다
imp-err-at = { $path }:{ $line }:{ $col }: { $message }
imp-err-in = { $path }: { $message }
imp-err-empty-folder = 폴더에 .json, .yaml, .yml 파일이 없습니다
imp-err-no-inputs = 입력 파일을 지정하지 않았습니다
imp-err-mixed-formats = 이 파일은 { $format }인데 { $first } 파일은 { $first_format }입니다. 한 번에 한 종류의 입력만 가져올 수 있습니다
imp-err-other-cloud = { $what }입니다. 가져오기는 AWS 입력만 읽습니다
imp-other-azure = Azure Resource Manager 템플릿
imp-other-gcp = Google Cloud Deployment Manager 구성 파일
imp-err-not-json = JSON도, eksctl 구성 파일도, CloudFormation 템플릿도 아닙니다. 가져오기는 AWS CLI 출력, `terraform show -json`, eksctl 구성 파일, CloudFormation 템플릿을 읽습니다

## 가져온 입력

imp-origin-aws = AWS CLI 출력
imp-origin-tf-state = Terraform 상태
imp-origin-tf-plan = Terraform 계획
imp-origin-eksctl = eksctl 구성 파일
imp-origin-cfn = CloudFormation 템플릿
imp-add-output = {" "}(`aws { $command }` 출력을 추가하세요)

## 설계 만들기(build.rs)

imp-err-no-describe-cluster = `aws eks describe-cluster` 출력인 파일이 없습니다. 가져오기에는 이 출력에 담긴 클러스터의 엔드포인트 액세스, 서브넷, 보안 그룹 정보가 필요합니다
imp-err-no-cluster = { $from }에 EKS 클러스터가 없습니다. 가져오기에는 클러스터의 엔드포인트 액세스, 서브넷, 보안 그룹 정보가 필요합니다
imp-err-vpc-unknown = 클러스터의 VPC를 알 수 없습니다. 클러스터 서브넷({ $subnets }) 중 VPC 정보와 함께 { $from }에 들어 있는 서브넷이 없습니다
imp-err-vpc-unknown-no-subnets = 클러스터의 VPC를 알 수 없습니다. 클러스터 서브넷이 지정되지 않았거나 오프라인에서는 알 수 없어서, VPC 정보와 함께 { $from }에 들어 있는 서브넷이 없습니다
imp-err-vpc-missing = { $from }에 클러스터의 VPC { $vpc } 정보가 없습니다
imp-err-no-subnets = { $from }에 VPC { $vpc }의 서브넷이 하나도 없습니다
imp-other-vpc = VPC { $vpc }: 클러스터의 VPC { $cluster_vpc }만 가져옵니다
imp-nat-state = NAT 게이트웨이 { $nat }: 상태가 { $state }입니다
imp-nat-regional = NAT 게이트웨이 { $nat }: 서브넷이 없는 리전 NAT 게이트웨이라서 { $from }에서 서브넷을 찾을 수 없습니다
imp-nat-subnet-missing = NAT 게이트웨이 { $nat }: { $from }에 이 게이트웨이의 서브넷 { $subnet } 정보가 없습니다
imp-subnet-no-table = 서브넷 { $subnet }: { $from }에 라우팅 테이블이 없어서(서브넷 전용 테이블도, 기본 라우팅 테이블도 없습니다) 경로가 없습니다
imp-subnet-ipv6-only = 서브넷 { $subnet }: IPv4 CIDR이 없습니다(IPv6 전용 서브넷은 모델링하지 않습니다)
imp-nat-addresses = NAT 게이트웨이 { $nat }: 퍼블릭 주소가 { $count }개({ $addresses }) 있습니다. 설계에는 { $kept }만 남깁니다
imp-cluster-subnet-missing = 클러스터 서브넷 { $subnet }: { $from }에 없습니다
imp-phz = EKS가 프라이빗 엔드포인트용으로 관리하는 프라이빗 호스팅 영역(이를 나열하는 API는 없습니다)
imp-public-access-default = 퍼블릭 액세스 켜짐(EKS 기본값입니다. 입력에 endpointPublicAccess 필드가 없습니다)
imp-private-access-default = 프라이빗 액세스 꺼짐(EKS 기본값입니다. 입력에 endpointPrivateAccess 필드가 없습니다)
imp-public-cidrs-ipv6 = 퍼블릭 액세스 CIDR { $cidrs }: IPv6 범위는 모델링하지 않습니다
imp-public-cidrs-default = 퍼블릭 액세스 CIDR 0.0.0.0/0(목록이 비어 있을 때의 EKS 기본값입니다)
imp-egress-unknown = 컨트롤 플레인 송신 방식 { $mode }: 모델링하지 않는 방식이라 고객 라우팅 방식으로 분석합니다
imp-cluster-sg-default = 클러스터 보안 그룹은 EKS 기본 규칙을 가진 { $id } 그룹으로 봅니다(입력에 clusterSecurityGroupId 필드가 없습니다)
imp-control-plane = AWS 관리형 VPC와 그 안의 API 서버 두 대, 퍼블릭 NLB(이를 나열하는 API는 없습니다)
imp-nlb-addresses = 퍼블릭 NLB의 주소: 호스트 이름 { $name }의 DNS 조회로만 알 수 있는데, 가져오기는 DNS 조회를 하지 않습니다
imp-nlb-addresses-unnamed = 퍼블릭 NLB의 주소: 클러스터 엔드포인트 이름의 DNS 조회로만 알 수 있는데, 가져오기는 DNS 조회를 하지 않습니다
imp-dns-support = VPC { $vpc }: DNS 확인 켜짐
imp-dns-hostnames = VPC { $vpc }: DNS 호스트 이름 켜짐
imp-dhcp-default = VPC { $vpc }: DHCP 옵션은 AmazonProvidedDNS를 사용합니다({ $from }에 DHCP 옵션이 없습니다{ $add })
imp-route-prefix-list = 라우팅 테이블 { $table }: 접두사 목록 { $list } 대상 경로(게이트웨이 엔드포인트는 VPC 엔드포인트로 남겨 둡니다)
imp-route-blackhole = 라우팅 테이블 { $table }: 블랙홀 경로 { $dest }(대상이 사라진 경로입니다. AWS는 이 트래픽을 버리지만 설계에서는 경로가 없는 것으로 처리하므로, 더 짧은 경로가 대신 일치할 수 있습니다)
imp-route-target = 라우팅 테이블 { $table }: 경로 { $dest } → { $target }(네트워크 인터페이스와 인스턴스 대상은 아직 가져오지 않습니다)
imp-ipv6-routes = IPv6 경로 { $count }개: 설계는 IPv4만 다룹니다
imp-acl-ipv6 = IPv6 네트워크 ACL 항목: 설계는 IPv4만 다룹니다
imp-acl-protocol = 네트워크 ACL { $acl } 규칙 { $rule }: 프로토콜 { $protocol }(TCP, UDP, 전체 트래픽만 모델링합니다)
imp-why-no-enis-output = 파일에 `describe-network-interfaces` 출력이 없습니다
imp-why-enis-not-listed = EKS가 만드는 ENI이며, AWS CLI 말고는 이를 나열하는 입력이 없습니다
imp-why-no-eni-matches = 이 클러스터의 설명이 붙은 네트워크 인터페이스가 없습니다
imp-eni = EKS 소유 ENI { $id }: 서브넷 { $subnet }, 주소 { $ip }({ $why })
imp-stopped-instances = 클러스터의 중지되었거나 종료된 인스턴스 { $count }개
imp-why-no-instances-output = 파일에 `describe-instances` 출력이 없습니다
imp-why-instances-not-listed = 인스턴스는 노드 그룹의 Auto Scaling 그룹이 만들며, AWS CLI 말고는 이를 나열하는 입력이 없습니다
imp-why-no-instance-tagged = 클러스터 태그가 붙은 실행 중인 인스턴스가 없습니다
imp-node-with-no-group = 보안 그룹 없음(시작 구성이 입력에 없습니다)
imp-node-with-cluster-sg = 클러스터 보안 그룹
imp-node-with-groups = 시작 템플릿의 보안 그룹 { $groups }
imp-node-public-ip = 서브넷이 할당하는 퍼블릭 IP
imp-node-no-public-ip = 퍼블릭 IP 없음
imp-node = 노드 그룹 { $group }의 노드 { $id }: 서브넷 { $subnet }, 주소 { $ip }, { $with }, { $address }({ $why })
imp-cluster-sg-made = 클러스터 보안 그룹 { $id }, EKS 기본 규칙 포함(EKS가 만드는 그룹이라 { $from }에 없습니다)
imp-sg-made = 규칙이 없는 보안 그룹 { $id }({ $from }에 없는 그룹입니다)
imp-sg-protocol = 보안 그룹 { $id }: 프로토콜 { $protocol } 규칙(TCP, UDP, 전체 트래픽만 모델링합니다)
imp-sg-ipv6 = IPv6 보안 그룹 규칙 { $count }개: 설계는 IPv4만 다룹니다
imp-sg-prefix-lists = 접두사 목록을 지정한 보안 그룹 규칙 { $count }개
imp-cluster-sg-partial = 클러스터 보안 그룹 { $id }: EKS 기본 규칙과 { $from }에서 추가하는 규칙 { $count }개(EKS가 만드는 그룹이라 { $from }에는 그룹 자체가 없습니다)
imp-sg-partial = 보안 그룹 { $id }: { $from }에서 추가하는 규칙 { $count }개만 있습니다(그룹이 { $from }에 없어서 나머지 규칙은 알 수 없습니다)
imp-client = 인터넷에 있는 kubectl 사용자, 주소 { $ip }(누가 kubectl을 실행하는지 나열하는 API는 없습니다)

## AWS CLI 출력(aws.rs)

imp-paged = { $file }: NextToken이 있습니다. 더 긴 목록의 한 페이지입니다. 전체를 받으려면 `--max-items` 없이 명령을 실행하세요
imp-err-not-aws = `aws eks describe-*` 또는 `aws ec2 describe-*` 명령의 출력이 아닙니다(다음 키가 하나도 없습니다: { $keys })

## 열린 설계 업데이트(merge.rs)

imp-merge-updated = 열린 설계를 업데이트했습니다: 구성 요소 { $kept }개는 위치를 유지했고, { $added }개를 추가했고, { $removed }개를 제거했습니다

## Terraform(terraform.rs)

imp-err-tf-raw-state = 원시 Terraform 상태 파일(`terraform state pull`)입니다. 가져오기는 이 파일 대신 `terraform show -json` 출력을 읽습니다
imp-err-tf-not-show = `terraform show -json` 출력이 아닙니다: { $error }
imp-err-tf-version = `format_version` { $version }: 가져오기는 `terraform show -json`의 JSON 형식 버전 1.x만 읽습니다
imp-err-tf-no-values = `values`(상태)도 `planned_values`(계획)도 없는 `terraform show -json` 출력입니다
imp-err-tf-plan-no-aws = AWS 리소스가 없는 Terraform 계획입니다
imp-err-tf-state-no-aws = AWS 리소스가 없는 Terraform 상태입니다
imp-tf-plan = Terraform 계획입니다. `terraform apply` 후에야 알 수 있는 값은 알 수 없는 값으로 남기고, ID를 알 수 없는 리소스는 Terraform 주소로 이름을 붙입니다

## VPC 옆의 네트워크(build_links.rs)

imp-link-tgw = 전송 게이트웨이
imp-link-vpn = VPN 게이트웨이
imp-link-peering = 피어링 연결
imp-peering-inactive = 피어링 연결 { $id }: 활성 상태가 아닙니다
imp-link-beside = { $link } { $id }: 이를 쓰는 경로와 함께 VPC 옆에 그립니다. 그 너머(해당 라우팅 테이블, 반대편 네트워크)는 { $from }에 없습니다

## Terraform 리소스(terraform_map.rs)

imp-tf-inferred-joins = 계획에서 ID를 알 수 없는 연결(서브넷과 VPC, 라우팅 테이블 연결, 클러스터 서브넷)은 계획 구성의 참조를 따라가고, `count` 인덱스로 짝을 맞춥니다
imp-tf-only-vpc = 계획에서 VPC를 알 수 없는 리소스는 유일한 VPC { $vpc }에 있다고 봅니다
imp-tf-dns-support = VPC { $vpc }: DNS 확인 켜짐(프로바이더 기본값)
imp-tf-dns-hostnames = VPC { $vpc }: DNS 호스트 이름 꺼짐(프로바이더 기본값)
imp-tf-subnet-az-unknown = 서브넷 { $subnet }: 가용 영역을 알 수 없어서 별도의 열에 그립니다
imp-tf-subnet-cidr-unknown = 서브넷 { $subnet }: 계획에서 CIDR을 알 수 없습니다
imp-tf-route-target-unknown = 라우팅 테이블 { $table }: 대상을 알 수 없는 경로
imp-tf-route-table-missing = { $address }: 이 경로의 라우팅 테이블이 { $from }에 없습니다
imp-tf-target-unknown = { $address }: 대상을 알 수 없습니다
imp-tf-association-unknown = { $address }: 어느 서브넷이나 라우팅 테이블을 연결하는지 { $from }에서 알 수 없습니다(서브넷은 VPC의 기본 라우팅 테이블을 그대로 씁니다)
imp-tf-association-table-missing = { $address }: 라우팅 테이블 { $table } 정보가 { $from }에 없습니다(서브넷 { $subnet }은 VPC의 기본 라우팅 테이블을 그대로 씁니다)
imp-tf-main-table = VPC { $vpc }: 기본 라우팅 테이블 { $table }에는 로컬 경로만 있습니다(Terraform이 관리하지 않는 테이블입니다)
imp-tf-nat-eip-unknown = NAT 게이트웨이 { $nat }: { $from }에서 탄력적 IP를 알 수 없습니다
imp-tf-rule-group-unknown = { $address }: 규칙을 추가하는 보안 그룹을 { $from }에서 알 수 없습니다
imp-tf-other-cluster = 클러스터 { $cluster }: 첫 번째 클러스터 { $first }만 가져옵니다
imp-tf-cluster-groups-unknown = 클러스터 { $cluster }: 추가 보안 그룹(`vpc_config.security_group_ids`)을 계획에서 알 수 없고, 참조도 리소스로 이어지지 않습니다(`locals`를 거칩니다). 이 그룹들은 제외합니다
imp-tf-cluster-sg-unknown = EKS가 만드는 클러스터 보안 그룹을 계획에서 알 수 없어서 { $id } 그룹으로 대신합니다

## CloudFormation 템플릿(cloudformation.rs)

imp-err-cfn-second = 두 번째 CloudFormation 템플릿입니다. 한 번에 스택 하나의 템플릿만 가져올 수 있습니다
imp-err-cfn-no-resources = `Resources` 섹션이 없는 CloudFormation 템플릿입니다
imp-err-cfn-foreach = 템플릿이 `Fn::ForEach`(`AWS::LanguageExtensions`)를 씁니다. 이는 CloudFormation만 펼칠 수 있으므로, 처리된 템플릿(`aws cloudformation get-template --template-stage Processed`)을 가져오세요
imp-err-cfn-no-ec2-eks = EC2나 EKS 리소스가 없는 CloudFormation 템플릿입니다(그릴 VPC, 서브넷, 클러스터가 없습니다)
