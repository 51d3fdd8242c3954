//! An exact decimal number for normalised values, so that `$2.5 billion` is written as
//! `2500000000` and never as `2499999999.9999998`.

use serde::{Serialize, Serializer};
use std::fmt;

/// A decimal number `mantissa × 10^-scale`, exact for every amount text can spell out.
///
/// Arithmetic that would overflow returns `None` (a 5,000-digit number has no value
/// rather than a wrong one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u8,
}

/// Largest scale kept; more fractional digits than this are rounded away.
const MAX_SCALE: u8 = 18;

/// Powers of ten that fit in an `i64`: `POW10[k]` = 10^k.
const POW10: [i64; 19] = {
    let mut table = [1i64; 19];
    let mut k = 1;
    while k < 19 {
        table[k] = table[k - 1] * 10;
        k += 1;
    }
    table
};

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    /// The whole number `n`.
    pub fn from_int(n: i64) -> Decimal {
        Decimal { mantissa: n as i128, scale: 0 }
    }

    /// `mantissa × 10^-scale`, or `None` when the scale is above 18.
    pub fn new(mantissa: i128, scale: u8) -> Option<Decimal> {
        (scale <= MAX_SCALE).then(|| Decimal { mantissa, scale }.normalized())
    }

    /// Parses plain ASCII decimal digits with an optional leading `-` and one `.`
    /// (`"2.5"`, `"-0.1"`, `"1200"`); no grouping separators.
    pub fn parse(s: &str) -> Option<Decimal> {
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let frac = frac.trim_end_matches('0');
        let frac = &frac[..frac.len().min(MAX_SCALE as usize)];
        if int.len() + frac.len() <= 18 {
            // Up to 18 digits always fit in an i64: no 128-bit arithmetic.
            let mut m: i64 = 0;
            for b in int.bytes().chain(frac.bytes()) {
                m = m * 10 + (b - b'0') as i64;
            }
            let m = if neg { -m } else { m };
            return Decimal::new(m as i128, frac.len() as u8);
        }
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa.checked_mul(10)?.checked_add((b - b'0') as i128)?;
        }
        let mantissa = if neg { -mantissa } else { mantissa };
        Decimal::new(mantissa, frac.len() as u8)
    }

    /// True when the number is zero.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// True when the number is below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The exact product, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        // Most amounts fit in 64 bits: multiply there, and in 128 bits only when needed.
        let small = match (i64::try_from(self.mantissa), i64::try_from(other.mantissa)) {
            (Ok(a), Ok(b)) => a.checked_mul(b),
            _ => None,
        };
        let mut mantissa = match small {
            Some(p) => p as i128,
            None => self.mantissa.checked_mul(other.mantissa)?,
        };
        let mut scale = self.scale as u32 + other.scale as u32;
        while scale > MAX_SCALE as u32 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal::new(mantissa, scale as u8)
    }

    /// The exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        if let (Some(a), Some(b)) = (self.rescaled_small(scale), other.rescaled_small(scale)) {
            if let Some(sum) = a.checked_add(b) {
                return Decimal::new(sum as i128, scale);
            }
        }
        let a = self.rescaled(scale)?;
        let b = other.rescaled(scale)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// The product with `10^exp`, or `None` on overflow.
    pub fn times_pow10(self, exp: u32) -> Option<Decimal> {
        if exp <= self.scale as u32 {
            return Decimal::new(self.mantissa, self.scale - exp as u8);
        }
        let extra = exp - self.scale as u32;
        if let (Ok(m), Some(&f)) = (i64::try_from(self.mantissa), POW10.get(extra as usize)) {
            if let Some(p) = m.checked_mul(f) {
                return Decimal::new(p as i128, 0);
            }
        }
        let factor = 10i128.checked_pow(extra)?;
        Decimal::new(self.mantissa.checked_mul(factor)?, 0)
    }

    /// True when the number has no fractional part (`2500000000`, not `2.5`).
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The nearest `f64` (for display and comparison; the exact value is the decimal).
    pub fn to_f64(self) -> f64 {
        // Going through the decimal string gives the correctly rounded double.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The number as an integer when it has no fractional part and fits in an `i64`.
    pub fn to_i64(self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// The mantissa at a larger `scale` when it fits in 64 bits.
    fn rescaled_small(self, scale: u8) -> Option<i64> {
        let m = i64::try_from(self.mantissa).ok()?;
        m.checked_mul(*POW10.get((scale - self.scale) as usize)?)
    }

    fn rescaled(self, scale: u8) -> Option<i128> {
        self.mantissa.checked_mul(10i128.checked_pow((scale - self.scale) as u32)?)
    }

    fn normalized(mut self) -> Decimal {
        match i64::try_from(self.mantissa) {
            // 64-bit division where the mantissa allows (128-bit division is a library
            // call in WebAssembly).
            Ok(mut m) => {
                while self.scale > 0 && m % 10 == 0 {
                    m /= 10;
                    self.scale -= 1;
                }
                self.mantissa = m as i128;
            }
            Err(_) => {
                while self.scale > 0 && self.mantissa % 10 == 0 {
                    self.mantissa /= 10;
                    self.scale -= 1;
                }
            }
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }
}

/// The number with its sign flipped (`-d`).
impl std::ops::Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal { mantissa: -self.mantissa, scale: self.scale }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        let scale = self.scale.max(other.scale);
        match (self.rescaled(scale), other.rescaled(scale)) {
            (Some(a), Some(b)) => a.partial_cmp(&b),
            _ => self.to_f64().partial_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    /// Plain notation without exponent: `2500000000`, `0.5`, `-12.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.mantissa.unsigned_abs();
        let digits = match u64::try_from(abs) {
            Ok(small) => small.to_string(),
            Err(_) => abs.to_string(),
        };
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        let scale = self.scale as usize;
        if scale == 0 {
            return f.write_str(&digits);
        }
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{int}.{frac}")
        } else {
            write!(f, "0.{}{}", "0".repeat(scale - digits.len()), digits)
        }
    }
}

impl Serialize for Decimal {
    /// A JSON number: an integer when the value is whole and exactly representable,
    /// otherwise the shortest double that reads back as the decimal.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_i64() {
            Some(n) if n.unsigned_abs() <= (1u64 << 53) => serializer.serialize_i64(n),
            _ => serializer.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints_exactly() {
        for (input, shown) in [("2.5", "2.5"), ("1200.50", "1200.5"), ("-0.1", "-0.1"), ("007", "7"), (".5", "0.5"), ("0.000", "0")] {
            assert_eq!(d(input).to_string(), shown, "{input}");
        }
        for bad in ["", "-", ".", "1.2.3", "1,200", "abc", "1e9"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn magnitudes_are_exact() {
        assert_eq!(d("2.5").times_pow10(9).unwrap().to_string(), "2500000000");
        assert_eq!(d("4.7").checked_mul(d("1000000000")).unwrap().to_i64(), Some(4_700_000_000));
        assert_eq!(d("0.5").checked_add(d("1.25")).unwrap().to_string(), "1.75");
        assert_eq!(serde_json::to_string(&d("2.5").times_pow10(9).unwrap()).unwrap(), "2500000000");
        assert_eq!(serde_json::to_string(&d("0.50")).unwrap(), "0.5");
    }

    #[test]
    fn overflow_is_none_not_wrong() {
        let huge = "9".repeat(5000);
        assert_eq!(Decimal::parse(&huge), None);
        assert_eq!(d("1").times_pow10(999), None);
        assert!(d("170141183460469231731687303715884105727").checked_mul(d("10")).is_none());
    }

    #[test]
    fn fast_paths_agree_with_wide_arithmetic() {
        let values = ["0", "1", "-1", "2.5", "0.001", "-12.25", "999999999999999999", "9223372036854775807", "-9223372036854775808", "12345678901234567890.5", "1e0"];
        let values: Vec<Decimal> = values.iter().filter_map(|v| Decimal::parse(v)).collect();
        for &a in &values {
            for &b in &values {
                let wide_add = a.rescaled(a.scale.max(b.scale)).zip(b.rescaled(a.scale.max(b.scale))).and_then(|(x, y)| x.checked_add(y)).and_then(|m| Decimal::new(m, a.scale.max(b.scale)));
                assert_eq!(a.checked_add(b), wide_add, "{a} + {b}");
            }
            for exp in [0, 1, 9, 18, 19, 30] {
                let wide = if exp <= a.scale as u32 {
                    Decimal::new(a.mantissa, a.scale - exp as u8)
                } else {
                    10i128.checked_pow(exp - a.scale as u32).and_then(|f| a.mantissa.checked_mul(f)).and_then(|m| Decimal::new(m, 0))
                };
                assert_eq!(a.times_pow10(exp), wide, "{a} * 10^{exp}");
            }
        }
        assert_eq!(d("123456789012345678.9").to_string(), "123456789012345678.9");
        assert_eq!(d("1234567890123456789012345").to_string(), "1234567890123456789012345");
    }

    #[test]
    fn ordering() {
        assert!(d("2.5") < d("10"));
        assert!(d("-1") < d("0.001"));
        assert_eq!(d("1.50").partial_cmp(&d("1.5")), Some(std::cmp::Ordering::Equal));
    }
}
