fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let opts = textlens::Options::default();
    let _ = textlens::analyze("warm up", &opts);
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + 3000).min(text.len());
        end = text[end..].find('\n').map(|n| end + n + 1).unwrap_or(text.len());
        std::hint::black_box(textlens::analyze(&text[start..end], &opts));
        start = end;
    }
}
