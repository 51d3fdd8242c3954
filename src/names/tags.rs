//! Tag schemes (BIO and BILOU) over the four name types, and turning tags into spans.

use crate::label::Label;

/// The name types the tagger knows, in tag order.
pub(crate) const TYPES: [Label; 4] = [Label::Person, Label::Org, Label::Loc, Label::Misc];

/// How a token's place in a name is written as a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// Begin, Inside, Outside.
    Bio,
    /// Begin, Inside, Last, Unit-length, Outside.
    Bilou,
}

/// A token's part in a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// First token of a name of two or more tokens (BIO: of any name).
    Begin,
    /// A token inside a name, neither first nor (BILOU) last.
    Inside,
    /// Last token of a name of two or more tokens (BILOU only).
    Last,
    /// A one-token name (BILOU only).
    Unit,
}

impl Scheme {
    /// The scheme's id in the model file.
    #[cfg(any(test, feature = "train"))]
    pub fn id(self) -> u8 {
        match self {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        }
    }

    /// The scheme with this model-file id.
    pub fn from_id(id: u8) -> Option<Scheme> {
        match id {
            0 => Some(Scheme::Bio),
            1 => Some(Scheme::Bilou),
            _ => None,
        }
    }

    fn parts(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou => 4,
        }
    }

    /// The number of tags: `O` plus the parts of every type.
    pub fn tag_count(self) -> usize {
        1 + TYPES.len() * self.parts()
    }

    #[cfg(any(test, feature = "train"))]
    /// The tag for a part of a name of type `ty` (an index into [`TYPES`]).
    pub fn tag(self, part: Part, ty: usize) -> u8 {
        let p = match (self, part) {
            (_, Part::Begin) => 0,
            (_, Part::Inside) => 1,
            (Scheme::Bio, Part::Last) => 1,
            (Scheme::Bio, Part::Unit) => 0,
            (Scheme::Bilou, Part::Last) => 2,
            (Scheme::Bilou, Part::Unit) => 3,
        };
        (1 + ty * self.parts() + p) as u8
    }

    /// The part and type index of a tag (`None` for `O`).
    pub fn split(self, tag: u8) -> Option<(Part, usize)> {
        let t = (tag as usize).checked_sub(1)?;
        let ty = t / self.parts();
        let part = match (self, t % self.parts()) {
            (_, 0) => Part::Begin,
            (_, 1) => Part::Inside,
            (_, 2) => Part::Last,
            _ => Part::Unit,
        };
        (ty < TYPES.len()).then_some((part, ty))
    }

    /// True when tag `next` may follow tag `prev` (`None` = sentence start).
    pub fn allowed(self, prev: Option<u8>, next: u8) -> bool {
        let p = prev.and_then(|t| self.split(t));
        let n = self.split(next);
        let open = |p: Option<(Part, usize)>| match p {
            Some((Part::Begin | Part::Inside, ty)) => Some(ty),
            _ => None,
        };
        match self {
            Scheme::Bio => match n {
                Some((Part::Inside, ty)) => open(p) == Some(ty),
                _ => true,
            },
            Scheme::Bilou => match (open(p), n) {
                (Some(ty), Some((Part::Inside | Part::Last, t2))) => ty == t2,
                (Some(_), _) => false,
                (None, Some((Part::Inside | Part::Last, _))) => false,
                (None, _) => true,
            },
        }
    }

    /// True when a sentence may end after tag `last`.
    pub fn may_end(self, last: u8) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => !matches!(self.split(last), Some((Part::Begin | Part::Inside, _))),
        }
    }

    #[cfg(any(test, feature = "train"))]
    /// The tags of `len` tokens, given names as `(first, last_inclusive, type)` sorted
    /// and disjoint.
    pub fn encode(self, len: usize, names: &[(usize, usize, usize)]) -> Vec<u8> {
        let mut tags = vec![0u8; len];
        for &(first, last, ty) in names {
            for (i, tag) in tags.iter_mut().enumerate().take(last + 1).skip(first) {
                let part = if first == last {
                    Part::Unit
                } else if i == first {
                    Part::Begin
                } else if i == last {
                    Part::Last
                } else {
                    Part::Inside
                };
                *tag = self.tag(part, ty);
            }
        }
        tags
    }

    /// Calls `found(first, last_inclusive, type)` for every name in a tag sequence. Ill-formed
    /// sequences are read leniently: a name ends where its type changes or a new one begins.
    pub fn decode(self, tags: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let mut open: Option<(usize, usize)> = None; // (first, type)
        for (i, &tag) in tags.iter().enumerate() {
            let split = self.split(tag);
            if let Some((first, ty)) = open {
                let continues = matches!(split, Some((Part::Inside | Part::Last, t)) if t == ty);
                if !continues {
                    found(first, i - 1, ty);
                    open = None;
                }
            }
            match split {
                Some((Part::Unit, ty)) if open.is_none() => found(i, i, ty),
                Some((Part::Last, ty)) => match open.take() {
                    Some((first, _)) => found(first, i, ty),
                    None => found(i, i, ty),
                },
                Some((_, ty)) if open.is_none() => open = Some((i, ty)),
                _ => {}
            }
        }
        if let Some((first, ty)) = open {
            found(first, tags.len() - 1, ty);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(scheme: Scheme, len: usize, names: &[(usize, usize, usize)]) {
        let tags = scheme.encode(len, names);
        let mut got = Vec::new();
        scheme.decode(&tags, |a, b, t| got.push((a, b, t)));
        assert_eq!(got, names, "{scheme:?} {tags:?}");
        let mut prev = None;
        for &t in &tags {
            assert!(scheme.allowed(prev, t), "{scheme:?} {tags:?}");
            prev = Some(t);
        }
        assert!(tags.last().is_none_or(|&t| scheme.may_end(t)));
    }

    #[test]
    fn encode_decode_round_trip() {
        type Names<'a> = &'a [(usize, usize, usize)];
        let cases: &[(usize, Names)] = &[
            (0, &[]),
            (3, &[(0, 0, 0)]),
            (5, &[(0, 1, 0), (2, 2, 0), (3, 4, 2)]),
            (6, &[(1, 4, 1)]),
            (4, &[(0, 0, 3), (1, 1, 2), (2, 3, 0)]),
        ];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            assert_eq!(Scheme::from_id(scheme.id()), Some(scheme));
            for (len, names) in cases {
                round_trip(scheme, *len, names);
            }
        }
    }

    #[test]
    fn transitions() {
        let bio = Scheme::Bio;
        let (b_per, i_per, i_org) = (bio.tag(Part::Begin, 0), bio.tag(Part::Inside, 0), bio.tag(Part::Inside, 1));
        assert!(bio.allowed(Some(b_per), i_per));
        assert!(!bio.allowed(Some(b_per), i_org));
        assert!(!bio.allowed(None, i_per));
        assert!(!bio.allowed(Some(0), i_per));
        let bl = Scheme::Bilou;
        assert!(!bl.allowed(Some(bl.tag(Part::Begin, 0)), 0));
        assert!(!bl.may_end(bl.tag(Part::Inside, 2)));
        assert!(bl.allowed(Some(bl.tag(Part::Unit, 0)), bl.tag(Part::Unit, 0)));
    }

    #[test]
    fn lenient_decoding() {
        let bio = Scheme::Bio;
        // I-ORG without a B, then B-PER I-LOC: three names.
        let tags = [bio.tag(Part::Inside, 1), bio.tag(Part::Begin, 0), bio.tag(Part::Inside, 2)];
        let mut got = Vec::new();
        bio.decode(&tags, |a, b, t| got.push((a, b, t)));
        assert_eq!(got, [(0, 0, 1), (1, 1, 0), (2, 2, 2)]);
    }
}
