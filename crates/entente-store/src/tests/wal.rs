use super::fixtures::article;
use crate::{ArticleFilter, Store};

#[test]
fn a_reader_queries_while_a_writer_holds_a_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut writer = Store::open(&path).unwrap();
    let first = article("North Korea sent troops to Russia.");
    writer.store_batch(&[(first.clone(), vec![])]).unwrap();

    let tx = writer
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    tx.execute("DELETE FROM articles", []).unwrap();

    // Another process opens the file and reads while the write is pending: it is neither
    // blocked nor shown the uncommitted change.
    let reader = Store::open(&path).unwrap();
    assert_eq!(reader.counts().unwrap().articles, 1);
    assert_eq!(
        reader.articles(&ArticleFilter::default()).unwrap()[0].id,
        first.id
    );
    assert_eq!(reader.search("troops", 5).unwrap().len(), 1);

    tx.commit().unwrap();
    assert_eq!(reader.counts().unwrap().articles, 0);
}
