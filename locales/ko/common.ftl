verbatim = { $text }
basis-inferred = {" "}(AWS 문서에 명시되지 않은 일반적인 VPC 동작에서 추론)
