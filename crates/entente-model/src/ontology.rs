use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::ModelError;

/// An actor's code: ISO 3166-1 alpha-3 for a state or any organ of it, `IGO` for an
/// international organization, `NGO` for a non-governmental one. Three upper-case ASCII
/// letters; whether the code is a known one is the lexicon's business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorCode([u8; 3]);

impl ActorCode {
    pub const IGO: ActorCode = ActorCode(*b"IGO");
    pub const NGO: ActorCode = ActorCode(*b"NGO");

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("validated ASCII")
    }

    pub fn is_organization(&self) -> bool {
        *self == Self::IGO || *self == Self::NGO
    }
}

impl FromStr for ActorCode {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() == 3 && b.iter().all(u8::is_ascii_uppercase) {
            Ok(ActorCode([b[0], b[1], b[2]]))
        } else {
            Err(ModelError::ActorCode(s.to_string()))
        }
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ActorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A PLOVER/CAMEO sector code (`GOV`, `MIL`, `REB`, `CVL`, ...): two to four upper-case
/// letters. The lexicon lists the known ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sector(String);

impl Sector {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Sector {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Sector(s.to_string()))
        } else {
            Err(ModelError::Sector(s.to_string()))
        }
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Sector {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Sector {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

macro_rules! event_types {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// The 16 PLOVER event types. What each means, its CAMEO root, quad class and
        /// intensity live in the lexicon's ontology file, not here.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum EventType {
            $(#[serde(rename = $name)] $variant,)*
        }

        impl EventType {
            pub const ALL: [EventType; 16] = [$(EventType::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(EventType::$variant => $name,)*
                }
            }
        }

        impl FromStr for EventType {
            type Err = ModelError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(EventType::$variant),)*
                    _ => Err(ModelError::EventType(s.to_string())),
                }
            }
        }
    };
}

event_types! {
    Agree => "AGREE",
    Consult => "CONSULT",
    Support => "SUPPORT",
    Concede => "CONCEDE",
    Cooperate => "COOPERATE",
    Aid => "AID",
    Retreat => "RETREAT",
    Request => "REQUEST",
    Accuse => "ACCUSE",
    Reject => "REJECT",
    Threaten => "THREATEN",
    Protest => "PROTEST",
    Sanction => "SANCTION",
    Mobilize => "MOBILIZE",
    Coerce => "COERCE",
    Assault => "ASSAULT",
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
/// 4 material conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct QuadClass(u8);

impl QuadClass {
    pub const VERBAL_COOPERATION: QuadClass = QuadClass(1);
    pub const MATERIAL_COOPERATION: QuadClass = QuadClass(2);
    pub const VERBAL_CONFLICT: QuadClass = QuadClass(3);
    pub const MATERIAL_CONFLICT: QuadClass = QuadClass(4);

    pub fn get(self) -> u8 {
        self.0
    }

    pub fn is_cooperation(self) -> bool {
        self.0 <= 2
    }

    pub fn is_material(self) -> bool {
        self.0 == 2 || self.0 == 4
    }
}

impl TryFrom<u8> for QuadClass {
    type Error = ModelError;
    fn try_from(q: u8) -> Result<Self, Self::Error> {
        if (1..=4).contains(&q) {
            Ok(QuadClass(q))
        } else {
            Err(ModelError::QuadClass(q))
        }
    }
}

impl From<QuadClass> for u8 {
    fn from(q: QuadClass) -> u8 {
        q.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_validate() {
        assert!("PRK".parse::<ActorCode>().is_ok());
        assert!("prk".parse::<ActorCode>().is_err());
        assert!("PRKX".parse::<ActorCode>().is_err());
        assert!("GOV".parse::<Sector>().is_ok());
        assert!("gov".parse::<Sector>().is_err());
        assert!(QuadClass::try_from(5).is_err());
    }

    #[test]
    fn event_types_round_trip() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert!("SUPPORTS".parse::<EventType>().is_err());
    }
}
