//! Writes a generated design of any size as RON, for benchmarks and manual checks:
//! `cargo run --example generate -- NODES SUBNETS CLIENTS > big.ron`.

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let &[nodes, subnets, clients] = args.as_slice() else {
        eprintln!("usage: generate NODES SUBNETS CLIENTS");
        std::process::exit(2);
    };
    let design = eksplain::model::generate::large_design(nodes, subnets, clients);
    match eksplain::io::to_ron_string(&design) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("cannot write the design: {e}");
            std::process::exit(1);
        }
    }
}
