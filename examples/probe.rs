fn main() {
    let path = std::env::args().nth(1).unwrap();
    let page: Option<u32> = std::env::args().nth(2).and_then(|s| s.parse().ok());
    let bytes = std::fs::read(&path).unwrap();
    let t = std::time::Instant::now();
    let doc = councilpdf::pdf::read(&bytes, &Default::default());
    match doc {
        Err(e) => println!("ERR {e}"),
        Ok(d) => {
            println!("pages {} producer {:?} title {:?} repairs {:?} in {:?}", d.page_count, d.producer, d.title, d.repairs, t.elapsed());
            for p in &d.pages {
                if page.is_some() && page != Some(p.number) { continue; }
                let text: String = p.glyphs.iter().take(60).map(|g| g.text.as_str()).collect();
                println!("p{} {}x{} glyphs {} rules {} fills {} img {:.2} readable {} {:?} | {}", p.number, p.width, p.height, p.glyphs.len(), p.rules.len(), p.fills.len(), p.image_cover, p.readable, p.problem, text);
                if page.is_some() {
                    for r in &p.rules { println!("  rule {:.1},{:.1}-{:.1},{:.1} {:?}", r.x0, r.top, r.x1, r.bottom, r.color); }
                    for f in &p.fills { println!("  fill {:.1},{:.1}-{:.1},{:.1} {:?}", f.x0, f.top, f.x1, f.bottom, f.color); }
                    let yf: Option<f64> = std::env::var("Y").ok().and_then(|s| s.parse().ok()); for g in p.glyphs.iter().filter(|g| yf.map_or(true, |y| (g.baseline - y).abs() < 3.0)).take(if yf.is_some() { 30 } else { 40 }) { println!("  g {:?} {:.1}-{:.1} base {:.1} size {:.1} {} b{} i{} {:?} up{}", g.text, g.x0, g.x1, g.baseline, g.size, g.font.name, g.font.bold, g.font.italic, g.color, g.upright); }
                }
            }
        }
    }
}
