//! Where new and moved components go, and the addresses they get there: a free private
//! address in their subnet, a free CIDR in their VPC, public addresses no other component
//! has, and a free spot among their siblings.

use crate::t;
use std::collections::{BTreeSet, HashSet};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::net::{parse_cidr_v4, parse_ip_v4};
use crate::model::{
    Component, ComponentKind, Design, DesignIndex, KindName, LOCAL_TARGET, Point, Rect, Route, Size,
};
use crate::render::scene::HEADER_HEIGHT;

/// The first host addresses of a subnet left for routers and appliances: new addresses
/// start at `.10`, as in the presets (AWS itself reserves the first four).
const FIRST_HOSTS_SKIPPED: usize = 9;

/// Kept between a box and its container's border.
const MARGIN: f32 = 10.0;

/// Where new public addresses of clients on the internet come from (TEST-NET-3).
const DOC_PUBLIC_NET: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 10);

fn set_private_ip(c: &mut Component, ip: String) {
    match &mut c.kind {
        ComponentKind::Node(n) => n.private_ip = ip,
        ComponentKind::EksEni(e) => e.private_ip = ip,
        ComponentKind::Client(cl) => cl.private_ip = Some(ip),
        _ => {}
    }
}

/// The VPC a component sits in (through its subnet), by id.
fn vpc_of(index: &DesignIndex<'_>, c: &Component) -> Option<String> {
    index
        .ancestor_of_kind(c, KindName::Vpc)
        .map(|v| v.id.clone())
}

/// The subnet a component sits in directly, with its network.
fn subnet_of<'a>(index: &DesignIndex<'a>, c: &Component) -> Option<(&'a Component, Ipv4Net)> {
    let parent = index.parent(c)?;
    match &parent.kind {
        ComponentKind::Subnet(s) => parse_cidr_v4(&s.cidr).ok().map(|n| (parent, n)),
        _ => None,
    }
}

/// Private addresses used in a VPC by components other than `except`.
fn used_in_vpc(design: &Design, vpc: Option<&str>, except: &str) -> HashSet<Ipv4Addr> {
    let index = DesignIndex::new(design);
    design
        .components
        .iter()
        .filter(|c| c.id != except && vpc_of(&index, c).as_deref() == vpc)
        .filter_map(|c| c.private_ip().and_then(|ip| parse_ip_v4(ip).ok()))
        .collect()
}

/// The first free address of `net` not in `used`, from `.10` on, then from the first one
/// AWS leaves to instances. AWS keeps the first four addresses of every subnet (network,
/// router, DNS, future use) and the last one.
fn free_ip_in(net: Ipv4Net, used: &HashSet<Ipv4Addr>) -> Option<Ipv4Addr> {
    let first = u32::from(net.network()).checked_add(4)?;
    let last = u32::from(net.broadcast()).checked_sub(1)?;
    if first > last {
        return None;
    }
    let preferred = (u32::from(net.network()) + 1 + FIRST_HOSTS_SKIPPED as u32).clamp(first, last);
    (preferred..=last)
        .chain(first..preferred)
        .map(Ipv4Addr::from)
        .find(|a| !used.contains(a))
}

/// A CIDR of `prefix` bits inside the VPC `vpc_id` that overlaps no subnet of the design
/// other than `except`.
fn free_subnet_cidr(design: &Design, vpc_id: &str, prefix: u8, except: &str) -> Option<Ipv4Net> {
    let ComponentKind::Vpc(v) = &design.component(vpc_id)?.kind else {
        return None;
    };
    let index = DesignIndex::new(design);
    let taken: Vec<Ipv4Net> = design
        .components
        .iter()
        .filter(|c| c.id != except)
        .filter(|c| index.parent(c).is_some_and(|p| p.id == vpc_id))
        .filter_map(|c| match &c.kind {
            ComponentKind::Subnet(s) => parse_cidr_v4(&s.cidr).ok(),
            _ => None,
        })
        .collect();
    v.cidr_blocks
        .iter()
        .filter_map(|b| parse_cidr_v4(b).ok())
        .find_map(|block| {
            block
                .subnets(prefix.max(block.prefix_len()))
                .ok()?
                .find(|s| !taken.iter().any(|t| t.contains(s) || s.contains(t)))
        })
}

/// Gives the component `id`, and everything inside it, addresses that hold where it now
/// sits: a subnet whose CIDR is outside its VPC or overlaps a sibling gets a free one of
/// the same size, and a node, ENI or client whose address is outside its subnet or used by
/// another component of the VPC gets a free one. Each change is described in `notes`; an
/// address that cannot be found refuses the whole change.
pub fn fit_addresses(design: &mut Design, id: &str, notes: &mut Vec<String>) -> Result<(), String> {
    let subtree = design.subtree(id);
    // Parents come before children in a design, so a subnet is fixed before what it holds.
    let ids: Vec<String> = design
        .components
        .iter()
        .filter(|c| subtree.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    for cid in ids {
        fit_subnet_cidr(design, &cid, notes)?;
        fit_private_ip(design, &cid, notes)?;
    }
    Ok(())
}

fn fit_subnet_cidr(design: &mut Design, id: &str, notes: &mut Vec<String>) -> Result<(), String> {
    let index = DesignIndex::new(design);
    let Some(c) = design.component(id) else {
        return Ok(());
    };
    let ComponentKind::Subnet(s) = &c.kind else {
        return Ok(());
    };
    let Some(vpc) = index.parent(c).filter(|p| p.kind.name() == KindName::Vpc) else {
        return Ok(());
    };
    let ComponentKind::Vpc(v) = &vpc.kind else {
        return Ok(());
    };
    let own = parse_cidr_v4(&s.cidr).ok();
    let inside = own.is_some_and(|n| {
        v.cidr_blocks
            .iter()
            .filter_map(|b| parse_cidr_v4(b).ok())
            .any(|b| b.contains(&n))
    });
    let overlaps = own.is_some_and(|n| {
        design.components.iter().any(|o| {
            o.id != id
                && o.parent.as_deref() == Some(vpc.id.as_str())
                && matches!(&o.kind, ComponentKind::Subnet(os)
                    if parse_cidr_v4(&os.cidr).is_ok_and(|on| on.contains(&n) || n.contains(&on)))
        })
    });
    if inside && !overlaps {
        return Ok(());
    }
    let prefix = own.map_or(24, |n| n.prefix_len());
    let vpc_id = vpc.id.clone();
    let old = s.cidr.clone();
    let Some(free) = free_subnet_cidr(design, &vpc_id, prefix, id) else {
        return Err(t!(
            "refuse-no-free-cidr",
            prefix = prefix.to_string(),
            vpc = &vpc_id,
            id = id
        ));
    };
    let block = v_first_block(design, &vpc_id);
    if let Some(ComponentKind::Subnet(s)) = design.component_mut(id).map(|c| &mut c.kind) {
        s.cidr = free.to_string();
        // The local route follows the VPC it now belongs to.
        for r in &mut s.routes {
            if r.target == LOCAL_TARGET
                && let Some(block) = &block
            {
                r.destination.clone_from(block);
            }
        }
    }
    notes.push(t!(
        "note-gets-cidr",
        id = id,
        cidr = free.to_string(),
        old = old
    ));
    Ok(())
}

fn v_first_block(design: &Design, vpc_id: &str) -> Option<String> {
    match &design.component(vpc_id)?.kind {
        ComponentKind::Vpc(v) => v.cidr_blocks.first().cloned(),
        _ => None,
    }
}

fn fit_private_ip(design: &mut Design, id: &str, notes: &mut Vec<String>) -> Result<(), String> {
    let index = DesignIndex::new(design);
    let Some(c) = design.component(id) else {
        return Ok(());
    };
    let Some((subnet, net)) = subnet_of(&index, c) else {
        return Ok(());
    };
    // A client in a subnet without an address gets one too; nodes and ENIs always have one.
    let current = c.private_ip().and_then(|ip| parse_ip_v4(ip).ok());
    let vpc = vpc_of(&index, c);
    let used = used_in_vpc(design, vpc.as_deref(), id);
    if current.is_some_and(|ip| net.contains(&ip) && !used.contains(&ip)) {
        return Ok(());
    }
    let subnet_id = subnet.id.clone();
    let old = c.private_ip().unwrap_or_default().to_owned();
    let Some(free) = free_ip_in(net, &used) else {
        return Err(t!("refuse-no-free-ip", subnet = &subnet_id, id = id));
    };
    if let Some(c) = design.component_mut(id) {
        set_private_ip(c, free.to_string());
    }
    notes.push(if old.is_empty() {
        t!("note-gets-ip", id = id, ip = free)
    } else {
        t!(
            "note-gets-ip-in",
            id = id,
            ip = free,
            subnet = &subnet_id,
            old = old
        )
    });
    Ok(())
}

/// Clears the public addresses of the components `ids` that another component of the
/// design already holds (an elastic or public IP belongs to one thing), saying so.
pub fn clear_taken_public_ips(
    design: &mut Design,
    ids: &BTreeSet<String>,
    notes: &mut Vec<String>,
) {
    let others: HashSet<String> = design
        .components
        .iter()
        .filter(|c| !ids.contains(&c.id))
        .flat_map(|c| c.public_ips().into_iter().map(str::to_owned))
        .collect();
    let mut seen = others;
    for c in design.components.iter_mut().filter(|c| ids.contains(&c.id)) {
        let id = c.id.clone();
        let mut taken = |ip: &str| {
            let t = !seen.insert(ip.to_owned());
            if t {
                notes.push(t!("note-public-ip-taken", id = &id, ip = ip));
            }
            t
        };
        match &mut c.kind {
            ComponentKind::Node(n) => clear_if(&mut n.public_ip, &mut taken),
            ComponentKind::Client(cl) => clear_if(&mut cl.public_ip, &mut taken),
            ComponentKind::Nat(n) => clear_if(&mut n.elastic_ip, &mut taken),
            ComponentKind::OnPrem(o) => clear_if(&mut o.internet_egress_ip, &mut taken),
            ComponentKind::Nlb(n) => n.public_ips.retain(|ip| !taken(ip)),
            _ => {}
        }
    }
}

fn clear_if(ip: &mut Option<String>, taken: &mut dyn FnMut(&str) -> bool) {
    if ip.as_deref().is_some_and(&mut *taken) {
        *ip = None;
    }
}

/// A public address for a new client on the internet that no component holds.
fn free_public_ip(design: &Design) -> Option<Ipv4Addr> {
    let used: HashSet<&str> = design
        .components
        .iter()
        .flat_map(Component::public_ips)
        .collect();
    (0..200u32)
        .map(|n| Ipv4Addr::from(u32::from(DOC_PUBLIC_NET) + n))
        .find(|a| !used.contains(a.to_string().as_str()))
}

/// Fills in a new component's properties where it goes: a free address in its subnet, a
/// free /24 in its VPC with the local route, a free public address for a client on the
/// internet.
pub fn prefill(design: &Design, c: &mut Component) {
    let parent = c.parent.as_deref().and_then(|p| design.component(p));
    let parent_is_subnet = parent.is_some_and(|p| p.kind.name() == KindName::Subnet);
    match &mut c.kind {
        ComponentKind::Client(cl) if !parent_is_subnet && c.parent.is_none() => {
            cl.public_ip = free_public_ip(design).map(|a| a.to_string());
        }
        ComponentKind::Subnet(s) => {
            let vpc_id = c.parent.clone().unwrap_or_default();
            if let Some(free) = free_subnet_cidr(design, &vpc_id, 24, &c.id) {
                s.cidr = free.to_string();
            }
            s.az = "us-east-1a".to_owned();
            s.routes = vec![Route {
                destination: v_first_block(design, &vpc_id).unwrap_or_else(|| "10.0.0.0/16".into()),
                target: LOCAL_TARGET.to_owned(),
            }];
        }
        _ => {}
    }
    if parent_is_subnet
        && let Some(p) = parent
        && let Some(net) = crate::render::scene::subnet_net(p)
    {
        let index = DesignIndex::new(design);
        let used = used_in_vpc(design, vpc_of(&index, p).as_deref(), &c.id);
        if let Some(free) = free_ip_in(net, &used) {
            set_private_ip(c, free.to_string());
        }
    }
}

/// The area of a container where children go: inside its border, below its header.
pub fn inner_rect(container: &Component) -> Rect {
    let r = container.rect();
    Rect::new(
        Point::new(r.min.x + MARGIN, r.min.y + HEADER_HEIGHT + MARGIN),
        crate::model::Size::new(
            (r.size.w - 2.0 * MARGIN).max(0.0),
            (r.size.h - HEADER_HEIGHT - 2.0 * MARGIN).max(0.0),
        ),
    )
}

/// The nearest spot to `rect` (on the grid, searched outwards ring by ring) where it lies
/// inside `area` (when given) and keeps a grid step away from each of `others`; `None`
/// when there is no such spot (the container is full).
pub fn free_spot(rect: Rect, area: Option<Rect>, others: &[Rect], grid: f32) -> Option<Point> {
    if let Some(a) = area
        && (rect.size.w > a.size.w || rect.size.h > a.size.h)
    {
        return None;
    }
    let fits = |p: Point| {
        let r = Rect::new(p, rect.size);
        area.is_none_or(|a| a.contains_rect(&r))
    };
    // A grid step of air between siblings, so boxes never touch.
    let free = |p: Point| {
        let air = Rect::new(
            Point::new(p.x - grid, p.y - grid),
            Size::new(rect.size.w + 2.0 * grid, rect.size.h + 2.0 * grid),
        );
        fits(p) && !others.iter().any(|o| o.intersects(&air))
    };
    // Enough rings to cross the area (or a wide neighbourhood at the top level), with a
    // bounded number of candidates.
    let reach = area.map_or(2000.0, |a| {
        a.size.w.max(a.size.h) + rect.size.w.max(rect.size.h)
    });
    let rings = ((reach / grid).ceil() as i32).clamp(1, 200);
    for ring in 0..=rings {
        let mut best: Option<(f32, Point)> = None;
        for dx in -ring..=ring {
            for dy in -ring..=ring {
                if dx.abs() != ring && dy.abs() != ring {
                    continue;
                }
                let p = Point::new(rect.min.x + dx as f32 * grid, rect.min.y + dy as f32 * grid);
                let d = (dx * dx + dy * dy) as f32;
                if free(p) && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, p));
                }
            }
        }
        if let Some((_, p)) = best {
            return Some(p);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::PRESETS;

    fn preset() -> Design {
        PRESETS[1].load().expect("preset loads").0
    }

    #[test]
    fn a_node_moved_into_another_subnet_gets_a_free_address_there() {
        let mut d = preset();
        let target = d
            .components
            .iter()
            .find(|c| {
                matches!(c.kind, ComponentKind::Subnet(_))
                    && c.id
                        != d.component("node-a")
                            .and_then(|n| n.parent.clone())
                            .unwrap_or_default()
            })
            .map(|c| c.id.clone())
            .expect("another subnet");
        if let Some(n) = d.component_mut("node-a") {
            n.parent = Some(target.clone());
        }
        let mut notes = Vec::new();
        fit_addresses(&mut d, "node-a", &mut notes).expect("an address is free");
        let ip = d
            .component("node-a")
            .and_then(Component::private_ip)
            .expect("ip")
            .to_owned();
        let net =
            crate::render::scene::subnet_net(d.component(&target).expect("subnet")).expect("net");
        assert!(
            net.contains(&parse_ip_v4(&ip).expect("ip parses")),
            "{ip} in {net}"
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            crate::model::validate(&d)
                .iter()
                .all(|p| p.code != "E_IP_OUTSIDE_SUBNET")
        );
    }

    #[test]
    fn a_full_subnet_refuses() {
        let mut d = preset();
        let subnet = d
            .component("node-a")
            .and_then(|n| n.parent.clone())
            .expect("parent");
        if let Some(ComponentKind::Subnet(s)) = d.component_mut(&subnet).map(|c| &mut c.kind) {
            s.cidr = "10.0.11.0/30".into();
        }
        let mut notes = Vec::new();
        let e = fit_addresses(&mut d, "node-a", &mut notes).expect_err("nothing free in a /30");
        assert!(e.contains("no free address"), "{e}");
    }

    #[test]
    fn free_spot_avoids_siblings_and_stays_inside() {
        let sibling = Rect::new(Point::new(0.0, 0.0), Size::new(100.0, 100.0));
        let want = Rect::new(Point::new(20.0, 0.0), Size::new(100.0, 100.0));
        let area = Rect::new(Point::new(0.0, 0.0), Size::new(300.0, 120.0));
        let p = free_spot(want, Some(area), &[sibling], 10.0).expect("room on the right");
        assert_eq!(p, Point::new(110.0, 0.0), "a grid step of air");
        let big = Rect::new(Point::new(0.0, 0.0), Size::new(400.0, 50.0));
        assert_eq!(free_spot(big, Some(area), &[], 10.0), None);
    }
}
