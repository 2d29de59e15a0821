//! Prints the coder's step-by-step account for one sentence given on the command line:
//! `cargo run -p entente-coder --example explain -- "Russia imposed sanctions on Ukraine."`

use entente_coder::Coder;
use entente_ingest::normalize::join_paragraphs;
use entente_lexicon::Lexicon;
use entente_model::Article;

fn main() {
    let text: Vec<String> = std::env::args().skip(1).collect();
    let text = text.join(" ");
    let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
    let (body, paragraphs) = join_paragraphs(&[text.as_str()]);
    let doc = entente_ingest::segment(Article::new(body, paragraphs));
    print!("{}", Coder::new(&lexicon).explain(&doc));
}
