//! A generator of synthetic interactions, for benchmarks and load tests: deterministic for a
//! seed, skewed like real event data (a few actors are in most events).

use chrono::{Duration, NaiveDate};
use entente_model::{EventId, EventType, Interaction, Modality, QuadClass};

/// (type, quad, intensity): a plausible spread over the four quad classes.
const TYPES: [(EventType, u8, f32); 10] = [
    (EventType::Consult, 1, 1.0),
    (EventType::Agree, 1, 3.0),
    (EventType::Support, 1, 3.5),
    (EventType::Cooperate, 2, 6.0),
    (EventType::Aid, 2, 7.0),
    (EventType::Accuse, 3, -2.0),
    (EventType::Threaten, 3, -4.0),
    (EventType::Sanction, 4, -5.0),
    (EventType::Coerce, 4, -7.0),
    (EventType::Assault, 4, -9.0),
];

/// A small, fast, seedable PRNG (xorshift64*): the benches must not depend on a crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
}

/// `actors` three-letter codes: a few real ones first, then `AAA`, `AAB`, ...
pub fn actor_codes(actors: usize) -> Vec<String> {
    let mut codes: Vec<String> = ["CHN", "RUS", "USA", "PRK", "IRN", "UKR", "KOR", "JPN"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut k = 0u32;
    while codes.len() < actors {
        let c: String = [k / 676, (k / 26) % 26, k % 26]
            .iter()
            .map(|d| (b'A' + *d as u8) as char)
            .collect();
        if !codes.contains(&c) {
            codes.push(c);
        }
        k += 1;
    }
    codes.truncate(actors);
    codes
}

/// `n` interactions among `actors` actors over 2015–2024.
pub fn synthetic(n: usize, actors: usize, seed: u64) -> Vec<Interaction> {
    let codes = actor_codes(actors.max(2));
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    let days = 3653;
    // Squaring a uniform number skews picks toward the first (real, busy) actors.
    let pick = |rng: &mut Rng| {
        let u = rng.unit();
        ((u * u) * codes.len() as f64) as usize
    };
    (0..n)
        .map(|k| {
            let s = pick(&mut rng);
            let mut t = pick(&mut rng);
            if t == s {
                t = (s + 1) % codes.len();
            }
            let (event, quad, intensity) = TYPES[rng.below(TYPES.len())];
            let modality = match rng.below(10) {
                0 => Modality::Speculative,
                1 => Modality::Reported,
                _ => Modality::Asserted,
            };
            Interaction {
                event_id: EventId::from_parts(&["synthetic", &seed.to_string(), &k.to_string()]),
                source: codes[s].clone(),
                target: Some(codes[t].clone()),
                event,
                quad: QuadClass::try_from(quad).expect("quad in 1..=4"),
                intensity,
                modality,
                date: start + Duration::days(rng.below(days) as i64),
                mentions: 1 + rng.below(3) as u32,
            }
        })
        .collect()
}
