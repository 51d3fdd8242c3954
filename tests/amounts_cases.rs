//! Money, percentages and quantities: one line per case, through the public `analyze`.
//!
//! A case is `(text, expected)`. `expected` is one of
//! * `"LABEL span = value"`: an entity with that label and exact text, whose value prints
//!   as `value`: `2500000000 USD`, `5000000..10000000 USD` (range), `1000000.. USD`
//!   (lower bound only), `400 km`, `5 percent`, with ` (qualifier)` at the end if any;
//! * `"none"`: no MONEY, PERCENT or QUANTITY at all;
//! * `"no LABEL"`: no entity with that label;
//! * `"not span"`: no MONEY, PERCENT or QUANTITY entity with exactly that text.

use textlens::{analyze, Entity, Label, Options, Value};

const AMOUNT_LABELS: [Label; 3] = [Label::Money, Label::Percent, Label::Quantity];

/// Prints an entity's value the way the cases write it.
fn show(e: &Entity) -> String {
    let Some(Value::Money(a) | Value::Measure(a)) = &e.value else { return "no value".into() };
    let mut s = match (&a.amount, &a.min, &a.max) {
        (Some(x), _, _) => x.to_string(),
        (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
        (None, Some(lo), None) => format!("{lo}.."),
        _ => "?".into(),
    };
    if let Some(c) = a.currency.as_ref().or(a.unit.as_ref()) {
        s.push(' ');
        s.push_str(c);
    }
    if let Some(q) = &a.qualifier {
        s.push_str(&format!(" ({q})"));
    }
    s
}

fn amounts(text: &str) -> Vec<Entity> {
    analyze(text, &Options::default()).entities.into_iter().filter(|e| AMOUNT_LABELS.contains(&e.label)).collect()
}

fn describe(found: &[Entity]) -> String {
    found.iter().map(|e| format!("{} {:?} = {}", e.label, e.text, show(e))).collect::<Vec<_>>().join("; ")
}

fn check(text: &str, expected: &str) -> Result<(), String> {
    let found = amounts(text);
    if expected == "none" {
        return if found.is_empty() { Ok(()) } else { Err(format!("expected none, got {}", describe(&found))) };
    }
    if let Some(label) = expected.strip_prefix("no ") {
        let label = Label::parse(label).expect("label");
        return match found.iter().find(|e| e.label == label) {
            None => Ok(()),
            Some(_) => Err(format!("expected no {label}, got {}", describe(&found))),
        };
    }
    if let Some(span) = expected.strip_prefix("not ") {
        return match found.iter().find(|e| e.text == span) {
            None => Ok(()),
            Some(_) => Err(format!("expected no amount {span:?}, got {}", describe(&found))),
        };
    }
    let (head, value) = expected.split_once(" = ").expect("LABEL span = value");
    let (label, span) = head.split_once(' ').expect("LABEL span");
    let label = Label::parse(label).expect("label");
    match found.iter().find(|e| e.label == label && e.text == span) {
        Some(e) if show(e) == value => Ok(()),
        Some(e) => Err(format!("{label} {span:?}: value {} != {value}", show(e))),
        None => Err(format!("expected {label} {span:?}, got {}", describe(&found))),
    }
}

#[rustfmt::skip]
const CASES: &[(&str, &str)] = &[
    // Money: symbols before the number.
    ("Turkey signed a $2.5 billion deal.", "MONEY $2.5 billion = 2500000000 USD"),
    ("It paid $94,000 to settle.", "MONEY $94,000 = 94000 USD"),
    ("a $1.22 fare", "MONEY $1.22 = 1.22 USD"),
    ("The club spent €40m on him.", "MONEY €40m = 40000000 EUR"),
    ("It borrowed US$4.7bn.", "MONEY US$4.7bn = 4700000000 USD"),
    ("EU AGREES €90BN LOAN FOR UKRAINE", "MONEY €90BN = 90000000000 EUR"),
    ("Debt hit $1.2TN.", "MONEY $1.2TN = 1200000000000 USD"),
    ("Revenue was £59.5 million.", "MONEY £59.5 million = 59500000 GBP"),
    ("Sales hit ¥1.2 trillion.", "MONEY ¥1.2 trillion = 1200000000000 JPY"),
    ("The budget is ₹5 lakh crore.", "MONEY ₹5 lakh crore = 5000000000000 INR"),
    ("A ticket costs ₺150.", "MONEY ₺150 = 150 TRY"),
    ("Fines of ₽300,000 were set.", "MONEY ₽300,000 = 300000 RUB"),
    ("It sold for ₩1.5 billion.", "MONEY ₩1.5 billion = 1500000000 KRW"),
    ("It cost ₪40.", "MONEY ₪40 = 40 ILS"),
    ("She earns ₦50,000 a month.", "MONEY ₦50,000 = 50000 NGN"),
    ("Bread is ₴20.", "MONEY ₴20 = 20 UAH"),
    ("The fare is ₱500.", "MONEY ₱500 = 500 PHP"),
    ("Rooms from ฿900.", "MONEY ฿900 = 900 THB"),
    ("The deal is worth C$16.4 million.", "MONEY C$16.4 million = 16400000 CAD"),
    ("It raised A$300 million.", "MONEY A$300 million = 300000000 AUD"),
    ("It raised AU$30 million.", "MONEY AU$30 million = 30000000 AUD"),
    ("It raised NZ$12m.", "MONEY NZ$12m = 12000000 NZD"),
    ("It raised HK$2bn.", "MONEY HK$2bn = 2000000000 HKD"),
    ("It raised S$80 million.", "MONEY S$80 million = 80000000 SGD"),
    ("It raised R$1.5 bilhão... no, R$1.5 billion.", "MONEY R$1.5 billion = 1500000000 BRL"),
    ("It raised MX$900 million.", "MONEY MX$900 million = 900000000 MXN"),
    ("It raised CA$5 million.", "MONEY CA$5 million = 5000000 CAD"),
    ("A coffee costs Fr. 4.50 in Geneva.", "MONEY Fr. 4.50 = 4.5 CHF"),
    ("Salaries reach CHF 120,000.", "MONEY CHF 120,000 = 120000 CHF"),
    ("It cost Rs 5 crore.", "MONEY Rs 5 crore = 50000000 INR"),
    ("Johannesburg: the bill came to R1.5bn.", "MONEY R1.5bn = 1500000000 ZAR"),
    ("It costs -$5 a month.", "MONEY -$5 = -5 USD"),
    ("Losses of $-3 million were booked.", "MONEY $-3 million = -3000000 USD"),
    // Money: symbols and codes after the number.
    ("The total was 1.200,50 € in Berlin.", "MONEY 1.200,50 € = 1200.5 EUR"),
    ("The total was 1 200,50 € in Paris.", "MONEY 1 200,50 € = 1200.5 EUR"),
    ("The total was 1\u{a0}200 000 € in Paris.", "MONEY 1\u{a0}200 000 € = 1200000 EUR"),
    ("10 € is not much.", "MONEY 10 € = 10 EUR"),
    ("It costs 50 zł.", "MONEY 50 zł = 50 PLN"),
    ("I would like to buy this item for USD 200.", "MONEY USD 200 = 200 USD"),
    ("The bill was 200 USD.", "MONEY 200 USD = 200 USD"),
    ("They raised EUR 1.5bn.", "MONEY EUR 1.5bn = 1500000000 EUR"),
    ("It lists at USD115 online.", "MONEY USD115 = 115 USD"),
    ("It lists at 115USD online.", "MONEY 115USD = 115 USD"),
    ("Leaders met in Belém ahead of COP30.", "none"),
    ("Bogotá: rent is COP1,500,000 a month.", "MONEY COP1,500,000 = 1500000 COP"),
    ("The client estimates an increase to 120 MEUR.", "MONEY 120 MEUR = 120000000 EUR"),
    ("They paid 75 USD million.", "MONEY 75 USD million = 75000000 USD"),
    ("The fee was 17 USD 25.", "MONEY 17 USD 25 = 17.25 USD"),
    ("10 rmb 20 usd", "MONEY 20 usd = 20 USD"),
    ("Pay 500 kr in Oslo.", "MONEY 500 kr = 500 NOK"),
    // Money: currency words and names.
    ("The state paid 2.5 billion euros.", "MONEY 2.5 billion euros = 2500000000 EUR"),
    ("They found two billion dollars.", "MONEY two billion dollars = 2000000000 USD"),
    ("He won a million euros.", "MONEY a million euros = 1000000 EUR"),
    ("It cost half a billion dollars.", "MONEY half a billion dollars = 500000000 USD"),
    ("It costs quarter million us dollars.", "MONEY quarter million us dollars = 250000 USD"),
    ("It costs three quarters billion us dollars.", "MONEY three quarters billion us dollars = 750000000 USD"),
    ("It cost two and a half million dollars.", "MONEY two and a half million dollars = 2500000 USD"),
    ("Exports reached 1.2 trillion yen.", "MONEY 1.2 trillion yen = 1200000000000 JPY"),
    ("The output passed 100 billion yuan.", "MONEY 100 billion yuan = 100000000000 CNY"),
    ("It paid 30 billion renminbi.", "MONEY 30 billion renminbi = 30000000000 CNY"),
    ("It was paid in U.S. dollars: 5 million U.S. dollars.", "MONEY 5 million U.S. dollars = 5000000 USD"),
    ("They got 100 Canadian dollars.", "MONEY 100 Canadian dollars = 100 CAD"),
    ("It raised 10 million pounds sterling.", "MONEY 10 million pounds sterling = 10000000 GBP"),
    ("A fine of 5,000 pounds was imposed in London.", "MONEY 5,000 pounds = 5000 GBP"),
    ("It paid 420 million finnish markka.", "MONEY 420 million finnish markka = 420000000 FIM"),
    ("It costs 10 turkish lira.", "MONEY 10 turkish lira = 10 TRY"),
    ("The bank held 3 billion Swiss francs.", "MONEY 3 billion Swiss francs = 3000000000 CHF"),
    ("In Zurich the tax was 300 million francs.", "MONEY 300 million francs = 300000000 CHF"),
    ("The deal was valued at 528 million francs.", "MONEY 528 million francs = 528000000 franc"),
    ("Mexico paid 40 million pesos.", "MONEY 40 million pesos = 40000000 MXN"),
    ("It cost 35 lakh rupees in Mumbai.", "MONEY 35 lakh rupees = 3500000 INR"),
    ("It cost 500 million roubles.", "MONEY 500 million roubles = 500000000 RUB"),
    ("It cost 500 million rubles.", "MONEY 500 million rubles = 500000000 RUB"),
    ("Seoul set aside 2 trillion won.", "MONEY 2 trillion won = 2000000000000 KRW"),
    ("A flat in Seoul costs 900,000 won a month.", "MONEY 900,000 won = 900000 KRW"),
    ("Israel approved 1 billion shekels.", "MONEY 1 billion shekels = 1000000000 ILS"),
    ("Workers earn two Jordanian dinars an hour.", "MONEY two Jordanian dinars = 2 JOD"),
    ("In Jordan they pay one dinar an hour.", "MONEY one dinar = 1 JOD"),
    ("Riyadh spent 50 billion riyals.", "MONEY 50 billion riyals = 50000000000 SAR"),
    ("Dubai spent 3 billion dirhams.", "MONEY 3 billion dirhams = 3000000000 AED"),
    ("Lagos spent 20 billion naira.", "MONEY 20 billion naira = 20000000000 NGN"),
    ("Kyiv spent 2 billion hryvnia.", "MONEY 2 billion hryvnia = 2000000000 UAH"),
    ("Warsaw spent 4 billion zloty.", "MONEY 4 billion zloty = 4000000000 PLN"),
    ("It cost 3 million Swedish kronor.", "MONEY 3 million Swedish kronor = 3000000 SEK"),
    ("Oslo spent 7 billion Norwegian kroner.", "MONEY 7 billion Norwegian kroner = 7000000000 NOK"),
    ("Pretoria spent 9 billion rand.", "MONEY 9 billion rand = 9000000000 ZAR"),
    ("Give me 5 dollars", "MONEY 5 dollars = 5 USD"),
    ("It only cost thirteen dollars and forty-five cents", "MONEY thirteen dollars and forty-five cents = 13.45 USD"),
    ("it costs only 15 dollars 50.", "MONEY 15 dollars 50 = 15.5 USD"),
    ("A coin worth 50 cents.", "MONEY 50 cents = 0.5 USD"),
    ("A stamp costs 99p.", "MONEY 99p = 0.99 GBP"),
    ("Shares in the group fell 3p to 352p.", "MONEY 3p = 0.03 GBP"),
    ("The shares were bid at 470 pence.", "MONEY 470 pence = 4.7 GBP"),
    ("a 12-cent-a-share dividend", "MONEY 12-cent = 0.12 USD"),
    ("a one-yen bid", "MONEY one-yen = 1 JPY"),
    ("a five-dollar bill", "MONEY five-dollar = 5 USD"),
    ("The price starts at dollar 22.5 million.", "MONEY dollar 22.5 million = 22500000 USD"),
    ("ISIL made millions of dollars from oil.", "MONEY millions of dollars = 1000000.. USD"),
    ("It cost hundreds of millions of euros.", "MONEY hundreds of millions of euros = 100000000.. EUR"),
    ("He lost 10000 bitcoins.", "MONEY 10000 bitcoins = 10000 bitcoin"),
    // Money: WSJ-tokenised, lower-cased text.
    ("bonds worth $ 75 million were sold .", "MONEY $ 75 million = 75000000 USD"),
    ("the price ranges between c $ 16.4 million", "MONEY c $ 16.4 million = 16400000 CAD"),
    ("offering holders a higher , $ 70 - a - share price", "MONEY $ 70 = 70 USD"),
    ("a ( approximately £ 15 million ) deal", "MONEY £ 15 million = 15000000 GBP (about)"),
    ("cad$ 15", "MONEY cad$ 15 = 15 CAD"),
    ("mxn$ 15", "MONEY mxn$ 15 = 15 MXN"),
    ("Sell Mex$ 10 million forward", "MONEY Mex$ 10 million = 10000000 MXN"),
    ("annual revenues of about MAUD 60", "MONEY MAUD 60 = 60000000 AUD (about)"),
    // Money: ranges.
    ("It will cost $5-10 million.", "MONEY $5-10 million = 5000000..10000000 USD"),
    ("It will cost $5 million to $7 million.", "MONEY $5 million to $7 million = 5000000..7000000 USD"),
    ("It will cost between $3 and $4 billion.", "MONEY $3 and $4 billion = 3000000000..4000000000 USD"),
    ("It will cost $3 to $4 billion.", "MONEY $3 to $4 billion = 3000000000..4000000000 USD"),
    ("It will cost $5 to 7 million.", "MONEY $5 to 7 million = 5000000..7000000 USD"),
    ("It will cost €3-4bn.", "MONEY €3-4bn = 3000000000..4000000000 EUR"),
    ("It will cost 5 to 10 million dollars.", "MONEY 5 to 10 million dollars = 5000000..10000000 USD"),
    ("Prices ranging from $5 million to $7 million.", "MONEY $5 million to $7 million = 5000000..7000000 USD"),
    ("It cost $5-$10 each.", "MONEY $5-$10 = 5..10 USD"),
    // Money: hedges stay outside the span.
    ("About $5 million was spent.", "MONEY $5 million = 5000000 USD (about)"),
    ("It raised more than $4 million.", "MONEY $4 million = 4000000 USD (more than)"),
    ("It gave nearly $100 million.", "MONEY $100 million = 100000000 USD (nearly)"),
    ("A reward of up to $5 million.", "MONEY $5 million = 5000000 USD (up to)"),
    ("They spent at least €2 billion.", "MONEY €2 billion = 2000000000 EUR (at least)"),
    ("It cost less than $10.", "MONEY $10 = 10 USD (less than)"),
    ("Canada's bank said all figures are in Canadian dollars; it earned $5 million.", "MONEY $5 million = 5000000 CAD"),
    // Percentages.
    ("Inflation hit 5%.", "PERCENT 5% = 5 percent"),
    ("Inflation hit 5 percent.", "PERCENT 5 percent = 5 percent"),
    ("Inflation hit five per cent.", "PERCENT five per cent = 5 percent"),
    ("Rates rose 5 percentage points.", "PERCENT 5 percentage points = 5 percentage_point"),
    ("Rates rose half a percentage point.", "none"),
    ("Rates rose 0.25 percentage point.", "PERCENT 0.25 percentage point = 0.25 percentage_point"),
    ("Rates were cut by 25 basis points.", "PERCENT 25 basis points = 0.25 percentage_point"),
    ("Growth of 3-4% is expected.", "PERCENT 3-4% = 3..4 percent"),
    ("Growth of 3% to 4% is expected.", "PERCENT 3% to 4% = 3..4 percent"),
    ("Growth of 3 to 4 percent is expected.", "PERCENT 3 to 4 percent = 3..4 percent"),
    ("Growth of between 3 and 4 percent.", "PERCENT 3 and 4 percent = 3..4 percent"),
    ("It grew 2.4% a year.", "PERCENT 2.4% = 2.4 percent"),
    ("They own a 5-percent stake.", "PERCENT 5-percent = 5 percent"),
    ("Over 25% of the territory.", "PERCENT 25% = 25 percent (more than)"),
    ("just need minus five percent", "PERCENT minus five percent = -5 percent"),
    ("Prices fell -3.5% in May.", "PERCENT -3.5% = -3.5 percent"),
    ("one hundred percents", "PERCENT one hundred percents = 100 percent"),
    ("thirty percentage", "PERCENT thirty percentage = 30 percent"),
    ("per cent of 210", "PERCENT per cent of 210 = 210 percent"),
    ("Support is 45 pct.", "PERCENT 45 pct = 45 percent"),
    // Quantities.
    ("Temperatures fell to -0.1 C overnight.", "QUANTITY -0.1 C = -0.1 °C"),
    ("It was 30°F in Chicago.", "QUANTITY 30°F = 30 °F"),
    ("Highs of 35 C are forecast.", "QUANTITY 35 C = 35 °C"),
    ("Water boils at 100 degrees Celsius.", "QUANTITY 100 degrees Celsius = 100 °C"),
    ("The missile flew 400 km.", "QUANTITY 400 km = 400 km"),
    ("He carried 5 kg of rice.", "QUANTITY 5 kg = 5 kg"),
    ("They walked 2 miles.", "QUANTITY 2 miles = 2 mi"),
    ("Output rose by 10,000 barrels.", "QUANTITY 10,000 barrels = 10000 bbl"),
    ("It pumps 1.2 million barrels a day.", "QUANTITY 1.2 million barrels a day = 1200000 bbl/d"),
    ("It covers 2.5 million square miles.", "QUANTITY 2.5 million square miles = 2500000 mi2"),
    ("The town is 7km (four miles) away.", "QUANTITY 7km = 7 km"),
    ("The town is 7km (four miles) away.", "QUANTITY four miles = 4 mi"),
    ("A plane flew 300m (984ft) from the mosque.", "QUANTITY 300m = 300 m"),
    ("A plane flew 300m (984ft) from the mosque.", "QUANTITY 984ft = 984 ft"),
    ("She won the 400m hurdles.", "QUANTITY 400m = 400 m"),
    ("They ran a 10-mile course.", "QUANTITY 10-mile = 10 mi"),
    ("They advanced to within 7.5 kilometers of the dam.", "QUANTITY 7.5 kilometers = 7.5 km"),
    ("It weighs 20 tonnes.", "QUANTITY 20 tonnes = 20 t"),
    ("Winds of 120 km/h hit the coast.", "QUANTITY 120 km/h = 120 km/h"),
    ("Winds of 75 mph hit the coast.", "QUANTITY 75 mph = 75 mph"),
    ("The plant makes 500 MW.", "QUANTITY 500 MW = 500 MW"),
    ("It lost 30 pounds of weight.", "QUANTITY 30 pounds = 30 lb"),
    ("The field is 5-10 km long.", "QUANTITY 5-10 km = 5..10 km"),
    ("It has 5 hectares of vines.", "QUANTITY 5 hectares = 5 ha"),
    ("The wall is two feet high.", "QUANTITY two feet = 2 ft"),
    ("Inflation eased to 6.8pc.", "PERCENT 6.8pc = 6.8 percent"),
    // Must not match: not money.
    ("She won 5 games.", "none"),
    ("He has won 12 titles since 2010 won't he?", "none"),
    ("In 2010 won the cup.", "none"),
    ("Pound the dough 5 times.", "none"),
    ("Rand Paul spoke for 20 minutes.", "no MONEY"),
    ("Run echo $HOME in the shell.", "none"),
    ("He ran the 400m in 44 seconds.", "no MONEY"),
    ("Profits hit 40m last year.", "none"),
    ("He fired an M4 rifle.", "none"),
    ("Upgrade to version 2.5 now.", "none"),
    ("Python 3.11 was released.", "none"),
    ("PHP 7.4 is old.", "none"),
    ("Chelsea won 3-1 on Sunday.", "none"),
    ("The score was 2-0.", "none"),
    ("ALL 70 of us.", "none"),
    ("All seventeen tests were succesful.", "none"),
    ("He has lost his pen 7 times since Monday.", "none"),
    ("TOP 10 songs of the year.", "none"),
    ("A $ sign was drawn.", "none"),
    ("The dollar rose against the yen.", "none"),
    ("The euro fell 2 cents... no.", "not euro fell 2"),
    ("She paid a $5 bill in cash.", "not a $5"),
    ("Take the R2 road north.", "none"),
    ("The AK-47 and the F-16 flew.", "none"),
    ("Call 555-1234 now.", "none"),
    ("It happened on 2017-08-01.", "none"),
    ("It happened at 15:30.", "none"),
    ("The '90s were good.", "none"),
    ("In the 1990s prices rose.", "none"),
    ("He was 1 of 5 winners.", "none"),
    ("He came 3rd in 2012.", "none"),
    ("The 5G network is live.", "none"),
    ("The iPhone 15 costs a lot.", "none"),
    ("Section 5 C of the act applies.", "none"),
    ("Vitamin C and 500 mg tablets.", "not Vitamin C"),
    ("Grade 5 F was given.", "none"),
    ("See https://www.test.com/search?q=30%25%2020%", "none"),
    ("The table shows the % of increase.", "none"),
    ("The percent of voters rose.", "none"),
    ("75 percent of 10 million voters.", "not percent of 10"),
    ("5 to 7 people came.", "none"),
    ("Between 3 and 4 people came.", "none"),
    ("The $5 million to $7 million range was set.", "not $5 million"),
    ("Revenue rose from $5 million to $7 million.", "not $5 million to $7 million"),
    ("Revenue rose $5 million to $7 million.", "not $5 million to $7 million"),
    ("Hey, the cost is $4.25 and 32 is the quantity!", "not $4.25 and 32"),
    ("It cost 5 dollars 20 times over.", "not 5 dollars 20"),
    ("One is required to pay three thousand dollars two hundred times.", "not three thousand dollars two hundred"),
    ("The 50 dollar bills.", "not 50 dollar bills"),
    ("Won 5 games.", "none"),
    ("5 won 3 lost.", "none"),
    ("A 200-pound man walked in.", "no MONEY"),
    ("He scored 20 marks.", "none"),
    ("They bought 5 real estate lots.", "none"),
    ("The kip is a unit. 5 kip later.", "none"),
    ("Sen. Warren and 100 others.", "none"),
    ("We need 5 more m.", "none"),
    ("Plan B is 5 g... no.", "none"),
    ("About 300 people died.", "none"),
    ("Over 870 missions were flown.", "none"),
    ("The Dow rose 200 points.", "none"),
    ("It filed for Chapter 11 bankruptcy.", "none"),
    ("Flight 370 vanished.", "none"),
    ("A 30-year-old man was held.", "none"),
    ("The council voted 7-2.", "none"),
    ("See page 5 of 10.", "none"),
    ("UN Resolution 2254 passed.", "none"),
    ("Traffic on I-95 was slow.", "none"),
    ("The Boeing 737 Max returned.", "none"),
    ("COVID-19 cases rose.", "none"),
    ("The G20 summit opened.", "none"),
    ("B-52 bombers flew over.", "none"),
    ("The No. 2 official quit.", "none"),
    ("It ended at 3 a.m. sharp.", "none"),
    ("He runs Windows 10.", "none"),
    ("She is 45 years old.", "none"),
    ("It is 10 times larger.", "none"),
    ("They beat us 5 to 3.", "none"),
    ("One in 5 people agreed.", "none"),
    ("Article 50 was triggered.", "none"),
    ("The Euro 2020 final was played.", "none"),
    ("EUR/USD traded at 1.10 today.", "none"),
    ("He filed a Form 10-K.", "none"),
    ("A 3-D film.", "none"),
    ("The C-17 landed.", "none"),
    ("An F1 driver crashed.", "none"),
    ("It got 3.5 stars.", "none"),
    ("A 50/50 chance.", "none"),
    ("5 out of 10 voters agree.", "none"),
    ("The pound fell to $1.20.", "not pound fell"),
    ("Sterling fell 2 cents... fine.", "not Sterling fell 2"),
    ("They took 1,000 prisoners.", "none"),
    ("US 2 billion people... no.", "no MONEY"),
    ("He landed on his two feet.", "none"),
    ("The dog stood on four feet and barked.", "none"),
];

#[test]
fn amounts_table() {
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        if let Err(why) = check(text, expected) {
            failures.push(format!("{text:?}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn table_is_big_and_a_third_negative() {
    let negative = CASES.iter().filter(|(_, e)| *e == "none" || e.starts_with("no ") || e.starts_with("not ")).count();
    assert!(CASES.len() >= 150, "{} cases", CASES.len());
    assert!(negative * 3 >= CASES.len(), "{negative} of {} cases must not match", CASES.len());
}

#[test]
fn values_are_exact_in_json() {
    let a = analyze("They paid $2.5 billion and 0.1 percent and $1.10.", &Options::default());
    let json = serde_json::to_string(&a.view(textlens::OffsetUnit::Chars)).unwrap();
    assert!(json.contains("\"amount\":2500000000,"), "{json}");
    assert!(json.contains("\"amount\":0.1,"), "{json}");
    assert!(json.contains("\"amount\":1.1,"), "{json}");
}

#[test]
fn odd_input_never_panics() {
    let long_digits = "9".repeat(5000);
    let texts = [
        "$", "$ ", "€€€", "- $", "$-", "1 200 000 000 000 000 000 000 000 000 000 000 000 000 000 €",
        "between and", "5 to", "$5 to", "percent of", "millions of", "tens of", "a", "half a",
        "USD", "USD$", "R", "Rs.", "9999999999999999999999999999999999999999 trillion dollars",
        long_digits.as_str(), "5-", "-5-", "5–10–20 km", "½ kg", "5\u{301} km", "٣ dollars",
    ];
    for t in texts {
        let _ = analyze(t, &Options::default());
        let _ = analyze(&t.repeat(50), &Options::default());
    }
}

#[test]
fn long_runs_stay_fast() {
    let runs = [
        "123 456 789 ".repeat(30_000),
        "one thousand ".repeat(30_000),
        "$5 to $6 to ".repeat(30_000),
        "5 to 6 to 7 percent ".repeat(20_000),
        "between $".repeat(30_000),
        "1 200 € ".repeat(30_000),
        "-5 C -".repeat(30_000),
        "millions of tens of hundreds of ".repeat(20_000),
        "a million-dollar one-yen 12-cent-a-share ".repeat(20_000),
        format!("Canadian {}", "$5 ".repeat(50_000)),
        format!("{} francs", "5 francs in Zurich ".repeat(30_000)),
    ];
    for text in &runs {
        let started = std::time::Instant::now();
        let _ = analyze(text, &Options::default());
        let took = started.elapsed();
        assert!(took.as_secs_f64() < 5.0, "{:?}... took {took:?}", &text[..20]);
    }
}
