//! Quotations and sources, through the same `analyze` the page uses: one line per case.
//!
//! Each case lists every QUOTE and SOURCE the text must give, in order, with their values;
//! a case with an empty list must give none. Sentences are written for these tests in news
//! style. The speaker finder reads names from the tokens itself, so these cases do not
//! depend on the names extractor.

use textlens::{analyze, Analysis, Label, Options, Value};

/// One expected QUOTE or SOURCE.
#[derive(Clone, Debug, PartialEq)]
struct Want {
    label: &'static str,
    text: &'static str,
    speaker: Option<&'static str>,
    verb: Option<&'static str>,
    role: Option<&'static str>,
    anonymous: bool,
    /// The text at `speaker_span`, when the case checks it.
    at: Option<&'static str>,
}

/// A QUOTE with no speaker (`.by(...)` adds one).
fn q(text: &'static str) -> Want {
    Want { label: "QUOTE", text, speaker: None, verb: None, role: None, anonymous: false, at: None }
}

/// A SOURCE (`.by(...)` gives its speaker).
fn s(text: &'static str) -> Want {
    Want { label: "SOURCE", ..q(text) }
}

impl Want {
    fn by(mut self, speaker: &'static str, verb: &'static str) -> Want {
        self.speaker = Some(speaker);
        self.verb = Some(verb);
        self
    }
    /// A speech verb with no speaker found (`he said` with nobody before it).
    fn verb(mut self, verb: &'static str) -> Want {
        self.verb = Some(verb);
        self
    }
    fn role(mut self, role: &'static str) -> Want {
        self.role = Some(role);
        self
    }
    fn anon(mut self) -> Want {
        self.anonymous = true;
        self
    }
    fn at(mut self, at: &'static str) -> Want {
        self.at = Some(at);
        self
    }
}

/// The QUOTE and SOURCE containers of an analysis, as `Want`s (with `at` only when
/// `check_at` asks for it, per container).
fn got(text: &str, a: &Analysis, check_at: &[bool]) -> Vec<Want> {
    a.entities
        .iter()
        .filter(|e| e.label.is_container())
        .enumerate()
        .map(|(k, e)| {
            let Some(Value::Attribution(v)) = &e.value else { panic!("container without attribution: {e:?}") };
            let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
            let at = v.speaker_span.filter(|_| check_at.get(k).copied().unwrap_or(false)).map(|sp| leak(&text[sp.bytes.start..sp.bytes.end]));
            Want {
                label: if e.label == Label::Quote { "QUOTE" } else { "SOURCE" },
                text: leak(&e.text),
                speaker: v.speaker.as_deref().map(leak),
                verb: v.verb.as_deref().map(leak),
                role: v.speaker_role.as_deref().map(leak),
                anonymous: v.anonymous,
                at,
            }
        })
        .collect()
}

fn cases() -> Vec<(&'static str, Vec<Want>)> {
    vec![
        // ── Quotation marks ─────────────────────────────────────────────────────────────
        ("“We will not accept this decision,” Aksoy said.", vec![q("“We will not accept this decision,”").by("Aksoy", "said").at("Aksoy")]),
        ("\"We will not accept this decision,\" Aksoy said.", vec![q("\"We will not accept this decision,\"").by("Aksoy", "said")]),
        ("«Nous sommes prêts,» Macron said.", vec![q("«Nous sommes prêts,»").by("Macron", "said")]),
        (
            "“He told me, ‘Go home and stay there,’ and then he left,” the witness said.",
            vec![q("“He told me, ‘Go home and stay there,’ and then he left,”").by("the witness", "said").anon()],
        ),
        (
            "“Prices will rise,” the economist said. “Nobody can stop that now.”",
            vec![q("“Prices will rise,”").by("the economist", "said").anon(), q("“Nobody can stop that now.”").by("the economist", "said").anon()],
        ),
        (
            // A clause ending with a colon introduces the next quotation, not the one before.
            "Guardiola said afterwards: “It was a really tough game.” Arteta, the Arsenal manager, added: “We were unlucky.”",
            vec![q("“It was a really tough game.”").by("Guardiola", "said"), q("“We were unlucky.”").by("Arteta", "added").role("Arsenal manager")],
        ),
        (
            "“We are ready,” Cavusoglu said, “but we will not wait forever.”",
            vec![q("“We are ready,”").by("Cavusoglu", "said"), q("“but we will not wait forever.”").by("Cavusoglu", "said")],
        ),
        (
            "“The first part of the plan is done.\n\n“The second part starts next year,” Ms. Lindqvist said.",
            vec![q("“The first part of the plan is done.\n\n“The second part starts next year,”").by("Lindqvist", "said").at("Lindqvist")],
        ),
        (
            "He said “this quotation never closes.\n\nOfficials said the talks would go on.",
            vec![s("He said").verb("said"), s("Officials said").by("officials", "said").anon()],
        ),
        (
            "He said \"this one never closes either.\n\nThe ministry said it was over.",
            vec![s("He said").verb("said"), s("The ministry said").by("the ministry", "said")],
        ),
        ("‘We will take this to court,’ said Ms. Okafor.", vec![q("‘We will take this to court,’").by("Okafor", "said")]),
        ("The officials’ claims were dismissed.", vec![]),
        // Straight single marks (British style), with apostrophes around them.
        ("'We won't take this lying down,' said Ms. Okafor.", vec![q("'We won't take this lying down,'").by("Okafor", "said")]),
        ("A Treasury spokesperson said: 'We are determined to get growth going.'", vec![q("'We are determined to get growth going.'").by("a Treasury spokesperson", "said")]),
        ("The players' union rejected the club's offer.", vec![]),
        // ── Speaker before the quotation ────────────────────────────────────────────────
        ("Prime Minister Binali Yildirim said: “Turkey will respond.”", vec![q("“Turkey will respond.”").by("Binali Yildirim", "said").role("Prime Minister")]),
        ("Erdogan said, “We have nothing to hide.”", vec![q("“We have nothing to hide.”").by("Erdogan", "said")]),
        ("Aksoy told reporters: “The decision is final.”", vec![q("“The decision is final.”").by("Aksoy", "told")]),
        ("The ministry said in a statement: “The visit is cancelled.”", vec![q("“The visit is cancelled.”").by("the ministry", "said")]),
        ("According to Dr. Amara Osei, “the vaccine works in nine cases out of ten.”", vec![q("“the vaccine works in nine cases out of ten.”").by("Amara Osei", "according to")]),
        ("Hami Aksoy, the ministry's spokesman, said: “We expect an apology.”", vec![q("“We expect an apology.”").by("Hami Aksoy", "said").role("ministry's spokesman")]),
        (
            "House Speaker Nancy Pelosi, D-Calif., called it “a historic investment.”",
            vec![q("“a historic investment.”").by("Nancy Pelosi", "called").role("House Speaker")],
        ),
        (
            "Senate Minority Leader Mitch McConnell, R-Ky., said the bill was good.",
            vec![s("Senate Minority Leader Mitch McConnell, R-Ky., said").by("Mitch McConnell", "said").role("Senate Minority Leader")],
        ),
        (
            "Turkish Foreign Ministry spokesman Hami Aksoy said: “This is unacceptable.”",
            vec![q("“This is unacceptable.”").by("Hami Aksoy", "said").role("Turkish Foreign Ministry spokesman").at("Hami Aksoy")],
        ),
        (
            "Aksoy said Turkey would respond, adding: “We will not stay silent.”",
            vec![s("Aksoy said").by("Aksoy", "said"), q("“We will not stay silent.”").by("Aksoy", "adding")],
        ),
        ("Aksoy said the decision was “null and void” for Turkey.", vec![q("“null and void”").by("Aksoy", "said")]),
        ("Vance was quoted as saying “the era of cheap money is over.”", vec![q("“the era of cheap money is over.”").by("Vance", "quoted as saying")]),
        ("The statement read: “We regret the loss of life.”", vec![q("“We regret the loss of life.”").by("the statement", "read")]),
        (
            "The minister, speaking to reporters in Brussels, said the plan would work. “It is over,” she told the BBC.",
            vec![
                s("The minister, speaking to reporters in Brussels, said").by("the minister", "said"),
                q("“It is over,”").by("the minister", "told").at("she"),
            ],
        ),
        (
            "“We have done nothing wrong,” the company's founder and chief executive, Anna Berg, told shareholders.",
            vec![q("“We have done nothing wrong,”").by("Anna Berg", "told").role("company's founder and chief executive")],
        ),
        (
            "“The vote was fair,” a senior official said. “Nobody was turned away,” he added.",
            vec![q("“The vote was fair,”").by("a senior official", "said").anon(), q("“Nobody was turned away,”").by("a senior official", "added").anon()],
        ),
        ("According to the Syrian Observatory for Human Rights, 20 people died.", vec![s("According to the Syrian Observatory for Human Rights").by("Syrian Observatory for Human Rights", "according to")]),
        // Two speakers joined by `and`: only the nearer one is kept (a known limit).
        ("Smith and Jones said they would appeal.", vec![s("Jones said").by("Jones", "said")]),
        ("Critics called the plan “a gift to the banks.”", vec![q("“a gift to the banks.”").by("critics", "called").anon()]),
        ("Mayor Chen posted on Facebook: “Schools stay open tomorrow.”", vec![q("“Schools stay open tomorrow.”").by("Chen", "posted").role("Mayor")]),
        // ── Speaker after the quotation ─────────────────────────────────────────────────
        ("“This is a very dangerous step,” said Hami Aksoy, the ministry's spokesman.", vec![q("“This is a very dangerous step,”").by("Hami Aksoy", "said").role("ministry's spokesman")]),
        ("“We did everything we could,” the coach told reporters.", vec![q("“We did everything we could,”").by("the coach", "told")]),
        ("“The vote was rigged,” Kovacs told Reuters.", vec![q("“The vote was rigged,”").by("Kovacs", "told")]),
        ("“The plant will close,” the company said in a statement.", vec![q("“The plant will close,”").by("the company", "said")]),
        ("“Why now?” she asked.", vec![q("“Why now?”").verb("asked").at("she")]),
        ("“It is a trap,” Moreau added.", vec![q("“It is a trap,”").by("Moreau", "added")]),
        ("“Never again,” the senator wrote on Twitter.", vec![q("“Never again,”").by("the senator", "wrote")]),
        ("“Justice has been served,” Governor Ellis tweeted.", vec![q("“Justice has been served,”").by("Ellis", "tweeted").role("Governor")]),
        ("“The talks have failed,” according to a senior diplomat.", vec![q("“The talks have failed,”").by("a senior diplomat", "according to").anon()]),
        ("“We were not consulted,” the Pentagon said.", vec![q("“We were not consulted,”").by("Pentagon", "said")]),
        ("“Nothing has changed,” Aksoy later said.", vec![q("“Nothing has changed,”").by("Aksoy", "said")]),
        (
            "“The border stays closed,” Aksoy, 45, said on Friday.",
            vec![q("“The border stays closed,”").by("Aksoy", "said")],
        ),
        // ── Resolution: surnames, pronouns, roles ───────────────────────────────────────
        (
            "Turkish Foreign Ministry spokesman Hami Aksoy said on Friday that Ankara had summoned the ambassador. “We will not accept this,” Aksoy said.",
            vec![
                s("Turkish Foreign Ministry spokesman Hami Aksoy said").by("Hami Aksoy", "said").role("Turkish Foreign Ministry spokesman"),
                q("“We will not accept this,”").by("Hami Aksoy", "said").role("Turkish Foreign Ministry spokesman").at("Aksoy"),
            ],
        ),
        (
            "Hami Aksoy said Ankara was ready. “We will respond,” he said.",
            vec![s("Hami Aksoy said").by("Hami Aksoy", "said"), q("“We will respond,”").by("Hami Aksoy", "said").at("he")],
        ),
        (
            "Hami Aksoy said Ankara was ready. Later, Mr. Aksoy told reporters the decision was final.",
            vec![s("Hami Aksoy said").by("Hami Aksoy", "said"), s("Mr. Aksoy told").by("Hami Aksoy", "told")],
        ),
        (
            "Ministry spokesman Hami Aksoy told reporters the talks had stalled. “There is no date yet,” the spokesman said.",
            vec![
                s("Ministry spokesman Hami Aksoy told").by("Hami Aksoy", "told").role("Ministry spokesman"),
                q("“There is no date yet,”").by("Hami Aksoy", "said").role("spokesman"),
            ],
        ),
        (
            "Maria Lopez said prices would fall. Juan Ortega said they would rise. “She is wrong,” Ortega said. “They will fall,” Lopez said.",
            vec![
                s("Maria Lopez said").by("Maria Lopez", "said"),
                s("Juan Ortega said").by("Juan Ortega", "said"),
                q("“She is wrong,”").by("Juan Ortega", "said"),
                q("“They will fall,”").by("Maria Lopez", "said"),
            ],
        ),
        (
            "“We have not decided,” Ana Ruiz said.\n\n“The board meets next week and will vote then.”",
            vec![q("“We have not decided,”").by("Ana Ruiz", "said"), q("“The board meets next week and will vote then.”").by("Ana Ruiz", "said")],
        ),
        ("The ministry said the border was closed. It said the measure was temporary.", vec![s("The ministry said").by("the ministry", "said"), s("It said").by("the ministry", "said").at("It")]),
        (
            "Interfax quoted spokesman Sergei Volkov as saying the talks had failed.",
            vec![s("quoted spokesman Sergei Volkov as saying").by("Sergei Volkov", "quoted").role("spokesman")],
        ),
        (
            "Defence Minister Ana Vidal said the base would close. The minister told reporters it was a hard choice.",
            vec![s("Defence Minister Ana Vidal said").by("Ana Vidal", "said").role("Defence Minister"), s("The minister told").by("Ana Vidal", "told").role("minister")],
        ),
        (
            "Foreign Secretary Philip Hammond said the talks had failed. After the meeting the Foreign Secretary said he was disappointed.",
            vec![
                s("Foreign Secretary Philip Hammond said").by("Philip Hammond", "said").role("Foreign Secretary"),
                s("the Foreign Secretary said").by("Philip Hammond", "said").role("Foreign Secretary"),
            ],
        ),
        // A title word as a surname.
        ("Prime Minister John Major says the vote will go ahead.", vec![s("Prime Minister John Major says").by("John Major", "says").role("Prime Minister")]),
        ("Stephen King said the book was finished.", vec![s("Stephen King said").by("Stephen King", "said")]),
        ("Officials said the road was blocked. They said it would reopen soon.", vec![s("Officials said").by("officials", "said").anon(), s("They said").by("officials", "said").anon()]),
        // ── Sources without quotation marks ─────────────────────────────────────────────
        ("According to a report by Reuters, the deal was signed last week.", vec![s("According to a report by Reuters").by("Reuters", "according to").at("Reuters")]),
        ("The rate stays at 3.75%, according to a statement released on July 18.", vec![s("according to a statement").by("a statement", "according to")]),
        ("Officials said the talks would continue.", vec![s("Officials said").by("officials", "said").anon()]),
        ("Two senior officials told Reuters the plan had been dropped.", vec![s("Two senior officials told").by("two senior officials", "told").anon()]),
        ("A source close to the negotiations said no date had been set.", vec![s("A source close to the negotiations said").by("a source close to the negotiations", "said").anon()]),
        ("People familiar with the matter said the bid would fail.", vec![s("People familiar with the matter said").by("people familiar with the matter", "said").anon()]),
        ("Diplomats said the vote could be delayed.", vec![s("Diplomats said").by("diplomats", "said").anon()]),
        ("Sources told the newspaper that the minister would resign.", vec![s("Sources told").by("sources", "told").anon()]),
        ("Two officials, who asked not to be named, said the strike was planned.", vec![s("Two officials, who asked not to be named, said").by("two officials", "said").anon()]),
        ("Aksoy said on Friday that Turkey would respond.", vec![s("Aksoy said").by("Aksoy", "said")]),
        ("Reuters reported on Thursday that the bank would cut jobs.", vec![s("Reuters reported").by("Reuters", "reported")]),
        ("The agency said, citing police sources, that three people died.", vec![s("The agency said").by("the agency", "said"), s("citing police sources").by("police sources", "citing").anon()]),
        ("Turkey will respond in kind, said Aksoy.", vec![s("said Aksoy").by("Aksoy", "said")]),
        ("“We need a miracle,” said John Thune (R-S.D.).", vec![q("“We need a miracle,”").by("John Thune", "said")]),
        (
            "Tedros, the WHO director-general, told reporters that the agency would act.",
            vec![s("Tedros, the WHO director-general, told").by("Tedros", "told").role("WHO director-general")],
        ),
        ("Erdogan says Turkey will not back down", vec![s("Erdogan says").by("Erdogan", "says")]),
        ("The company warned that profits would fall.", vec![s("The company warned").by("the company", "warned")]),
        ("Police said two men were arrested.", vec![s("Police said").by("police", "said")]),
        ("The storm weakened by Thursday night, forecasters said.", vec![s("forecasters said").by("forecasters", "said").anon()]),
        (
            "Nikesh Arora, CEO of Palo Alto Networks, addressed the timing on the call and said it had “made for some very interesting reading” in reports.",
            vec![q("“made for some very interesting reading”").by("Nikesh Arora", "said").role("CEO of Palo Alto Networks")],
        ),
        ("In a statement, the ministry said the embassy would stay open.", vec![s("the ministry said").by("the ministry", "said")]),
        // ── Quotations with no speaker ──────────────────────────────────────────────────
        ("“We want justice for our children.” The crowd cheered as the march began.", vec![q("“We want justice for our children.”")]),
        ("Protesters carried signs reading “no more wars in our name” through the city.", vec![q("“no more wars in our name”")]),
        (
            "“We will not back down,” Ana Ruiz said.\n\n“They lied to us” — that was the message of the march.",
            vec![q("“We will not back down,”").by("Ana Ruiz", "said"), q("“They lied to us”")],
        ),
        ("The march ended peacefully. “It was the biggest protest in years,” read one banner.", vec![q("“It was the biggest protest in years,”")]),
        ("“We were there first,” a banner claimed.", vec![q("“We were there first,”").by("a banner", "claimed")]),
        ("Experts say the drought will last. People say prices will rise.", vec![s("Experts say").by("experts", "say").anon(), s("People say").by("people", "say").anon()]),
        // ── Not speech ──────────────────────────────────────────────────────────────────
        ("The so-called “experts” were wrong again.", vec![]),
        ("The band played the song “Imagine” at the end.", vec![]),
        ("Dwayne “The Rock” Johnson visited the base.", vec![]),
        ("She starred in the film “Gone with the Wind” in 1939.", vec![]),
        ("The “peace plan” collapsed within a week.", vec![]),
        ("They played “Bohemian Rhapsody” twice.", vec![]),
        ("A group called “Friends of the Earth” organised the march.", vec![]),
        ("He said he loved “Bohemian Rhapsody” most.", vec![s("He said").verb("said")]),
        ("He was told to leave the country.", vec![]),
        ("Aksoy would not say whether the talks had failed.", vec![]),
        ("Aksoy declined to say when the talks would resume.", vec![]),
        ("The floods claimed the lives of 20 people.", vec![]),
        ("Turkey added 500 troops to the border force.", vec![]),
        ("Insurance claims rose 5 percent last year.", vec![]),
        ("Having said that, the plan still works.", vec![]),
        ("The said property was sold in 2010.", vec![]),
        ("All told, 20 people died in the storm.", vec![]),
        ("It is said that the castle is haunted.", vec![]),
        ("Member states have the final say on the budget.", vec![]),
        ("Bank notes were found in the car.", vec![]),
    ]
}

#[test]
fn attribution_cases() {
    let all = cases();
    assert!(all.len() >= 60, "only {} cases", all.len());
    let mut failures = Vec::new();
    for (text, want) in &all {
        let a = analyze(text, &Options::default());
        let check_at: Vec<bool> = want.iter().map(|w| w.at.is_some()).collect();
        let got = got(text, &a, &check_at);
        if got != *want {
            failures.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}

/// A small deterministic pseudo-random generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Texts made of quotation marks, names, speech verbs, line breaks and other pieces in
/// random order: every one must analyse with containers that nest.
#[test]
fn containers_nest_for_any_mix_of_marks_names_and_verbs() {
    const PIECES: &[&str] = &[
        "“", "”", "\"", "‘", "’", "'", "«", "»", "Aksoy", "Hami Aksoy", "Mr.", "said", "says", "told", "according to",
        "officials", "a source close to the talks", "he", "she", "they", "it", ",", ".", ":", "\n\n", "\n", "the ministry",
        "Turkish Foreign Ministry spokesman", "so-called", "(", ")", "TSK", "Erdoğan", "👍🏽", "say", "adding", "quoted",
        "as saying", "was", "in a statement", "on Friday", "$2.5 billion", "U.S.", "United States", "European Union", "EU",
        "who asked not to be named", "the", "a", "report by Reuters", "Reuters", "that", "and",
    ];
    let mut rng = Lcg(7);
    let mut seen = 0;
    for round in 0..400 {
        let len = 1 + rng.next(60);
        let mut text = String::new();
        for _ in 0..len {
            if rng.next(3) > 0 {
                text.push(' ');
            }
            text.push_str(PIECES[rng.next(PIECES.len())]);
        }
        let a = analyze(&text, &Options::default());
        assert_eq!(a, analyze(&text, &Options::default()), "not deterministic: {text:?}");
        let spans: Vec<(usize, usize, bool)> = a.entities.iter().map(|e| (e.span.bytes.start, e.span.bytes.end, e.label.is_container())).collect();
        for w in spans.windows(2) {
            assert!(w[0].0 <= w[1].0, "unsorted in round {round}: {text:?}");
        }
        let containers: Vec<(usize, usize)> = spans.iter().filter(|s| s.2).map(|s| (s.0, s.1)).collect();
        seen += containers.len();
        for w in containers.windows(2) {
            assert!(w[0].1 <= w[1].0, "containers overlap in round {round}: {text:?}");
        }
        for &(cs, ce) in &containers {
            for &(s, e, is_c) in &spans {
                let crosses = (s < cs && cs < e) || (s < ce && ce < e);
                assert!(is_c || !crosses, "entity {s}..{e} crosses container {cs}..{ce} in round {round}: {text:?}");
            }
        }
        for e in &a.entities {
            assert_eq!(&text[e.span.bytes.start..e.span.bytes.end], e.text);
            if let Some(Value::Attribution(v)) = &e.value {
                if let Some(sp) = v.speaker_span {
                    assert!(text.get(sp.bytes.start..sp.bytes.end).is_some(), "bad speaker span in {text:?}");
                    assert!(sp.chars.start <= sp.chars.end && sp.utf16.start <= sp.utf16.end);
                }
            }
        }
        for (g, group) in a.groups.iter().enumerate() {
            for &m in &group.mentions {
                assert_eq!(a.entities[m].group, Some(g));
            }
        }
    }
    assert!(seen > 100, "the mixes gave only {seen} containers");
}

/// A long text full of unbalanced marks and speech verbs is analysed in linear time.
#[test]
fn long_text_with_stray_marks_is_linear() {
    let paragraph = "“We will not accept this,” Aksoy said. Officials said the talks, which began “last week, would go on. \
        According to a report by Reuters, \"the deal is dead. Mr. Aksoy told reporters: “Nothing has changed.”\n\n";
    let small: String = paragraph.repeat(500);
    let large: String = paragraph.repeat(5000);
    // The fastest of a few runs, to keep other processes' noise out.
    let time = |t: &str, runs: usize| {
        let mut best = f64::MAX;
        let mut containers = 0;
        for _ in 0..runs {
            let start = std::time::Instant::now();
            let a = analyze(t, &Options::default());
            best = best.min(start.elapsed().as_secs_f64());
            containers = a.entities.iter().filter(|e| e.label.is_container()).count();
        }
        (best, containers)
    };
    let (t_small, n_small) = time(&small, 5);
    let (t_large, n_large) = time(&large, 2);
    assert_eq!(n_large, n_small * 10, "every paragraph gives the same containers");
    // Ten times the text may take at most forty times as long (quadratic work would take
    // a hundred times).
    assert!(t_large < 40.0 * t_small.max(0.005), "small {t_small:.3}s, large {t_large:.3}s");
}
