import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLocale, splitParagraphs, splitSentences, type Sentence } from './segment';

type Case = [input: string, expected: string[], locale?: string];

/** What every split must satisfy, whatever the text. */
function expectWellFormed(input: string, sentences: Sentence[]) {
  let previousEnd = 0;
  for (const s of sentences) {
    expect(s.text).toBe(input.slice(s.start, s.end));
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.text).toBe(s.text.replace(/^[\s\u200B-\u200D\u2060\u180E]+|[\s\u200B-\u200D\u2060\u180E]+$/gu, ''));
    // nothing but whitespace between sentences: every character belongs to some sentence
    expect(input.slice(previousEnd, s.start).replace(/[\s\u200B-\u200D\u2060\u180E]/gu, '')).toBe('');
    previousEnd = s.end;
  }
  expect(input.slice(previousEnd).replace(/[\s\u200B-\u200D\u2060\u180E]/gu, '')).toBe('');
}

const CASES: Record<string, Case[]> = {
  basics: [
    ['', []],
    ['   \n\t ', []],
    ['One sentence.', ['One sentence.']],
    ['No final punctuation', ['No final punctuation']],
    ['First. Second.', ['First.', 'Second.']],
    ['First.  Second.\tThird.', ['First.', 'Second.', 'Third.']],
    ['  Leading and trailing space.  ', ['Leading and trailing space.']],
    ['It rained. it rained again.', ['It rained. it rained again.']],
    ['The vote was 5-4. Critics objected.', ['The vote was 5-4.', 'Critics objected.']],
    ['He won in 2019. 2020 was harder.', ['He won in 2019.', '2020 was harder.']],
    ['Prices rose. — Then they fell.', ['Prices rose.', '— Then they fell.']],
    ['x.', ['x.']],
    ['.', ['.']],
    ['?!', ['?!']],
    ['End.No space here.', ['End.No space here.']],
  ],
  titles: [
    ['Mr. Smith went to Washington.', ['Mr. Smith went to Washington.']],
    ['Mrs. Jones and Ms. Lee agreed. They signed.', ['Mrs. Jones and Ms. Lee agreed.', 'They signed.']],
    ['Dr. Patel testified. Prof. Kim disagreed.', ['Dr. Patel testified.', 'Prof. Kim disagreed.']],
    ['Sen. Warren and Rep. Ocasio-Cortez spoke.', ['Sen. Warren and Rep. Ocasio-Cortez spoke.']],
    ['Gov. Newsom signed it. Gen. Milley did not.', ['Gov. Newsom signed it.', 'Gen. Milley did not.']],
    ['Col. Sanders and Lt. Dan met at St. Mary’s.', ['Col. Sanders and Lt. Dan met at St. Mary’s.']],
    ['Lt. Col. Vindman testified for hours.', ['Lt. Col. Vindman testified for hours.']],
    ['Capt. Hook and Sgt. Pepper arrived. Adm. Byrd left.', ['Capt. Hook and Sgt. Pepper arrived.', 'Adm. Byrd left.']],
    ['The Rev. Al Sharpton spoke.', ['The Rev. Al Sharpton spoke.']],
    ['He called the sales rep. She never answered.', ['He called the sales rep.', 'She never answered.']],
    ['Mr. and Mrs. Smith arrived.', ['Mr. and Mrs. Smith arrived.']],
    ['Martin Luther King Jr. was born in 1929.', ['Martin Luther King Jr. was born in 1929.']],
    ['The letter was signed by John Smith Jr. He was 40.', ['The letter was signed by John Smith Jr.', 'He was 40.']],
  ],
  organisations: [
    ['Apple Inc. reported record sales.', ['Apple Inc. reported record sales.']],
    ['She works for Apple Inc. The company is big.', ['She works for Apple Inc.', 'The company is big.']],
    ['Acme Corp. and Beta Ltd. merged.', ['Acme Corp. and Beta Ltd. merged.']],
    ['Shares of Acme Corp. Fell sharply.', ['Shares of Acme Corp.', 'Fell sharply.']],
    ['Johnson & Co. was founded in 1890.', ['Johnson & Co. was founded in 1890.']],
    ['The firm is Smith & Co. Its partners are rich.', ['The firm is Smith & Co.', 'Its partners are rich.']],
  ],
  countries: [
    ['The U.S. Department of State said so.', ['The U.S. Department of State said so.']],
    ['He moved to the U.S. The move was hard.', ['He moved to the U.S.', 'The move was hard.']],
    ['U.K. officials declined to comment.', ['U.K. officials declined to comment.']],
    ['She flew to the U.K. It rained.', ['She flew to the U.K.', 'It rained.']],
    ['The U.N. Security Council met. It voted.', ['The U.N. Security Council met.', 'It voted.']],
    ['He lives in Washington, D.C. He works downtown.', ['He lives in Washington, D.C.', 'He works downtown.']],
    ['The U.S. economy grew.', ['The U.S. economy grew.']],
    ['Both the U.S. and the E.U. agreed.', ['Both the U.S. and the E.U. agreed.']],
    ['It happened in the U.S. "Nobody expected it," she said.', ['It happened in the U.S.', '"Nobody expected it," she said.']],
  ],
  partyTags: [
    ['Sen. Patel (D-Md.) called it unrealistic.', ['Sen. Patel (D-Md.) called it unrealistic.']],
    ['Rep. Jones, R-Texas, voted no.', ['Rep. Jones, R-Texas, voted no.']],
    ['The bill was backed by Sen. Smith, D-Md., and others.', ['The bill was backed by Sen. Smith, D-Md., and others.']],
    ['It was sponsored by Sen. Lee, R-Utah. The vote failed.', ['It was sponsored by Sen. Lee, R-Utah.', 'The vote failed.']],
    ['Critics included Rep. Ruiz (D-Calif.). Supporters did not.', ['Critics included Rep. Ruiz (D-Calif.).', 'Supporters did not.']],
  ],
  dates: [
    ['The line opens on Jan. 5, 2027.', ['The line opens on Jan. 5, 2027.']],
    ['It closed Feb. 28. It reopened Mar. 3.', ['It closed Feb. 28.', 'It reopened Mar. 3.']],
    ['Filed Sept. 14 and Oct. 2, the suits were dismissed.', ['Filed Sept. 14 and Oct. 2, the suits were dismissed.']],
    ['Between Aug. 1 and Dec. 31 prices rose.', ['Between Aug. 1 and Dec. 31 prices rose.']],
    ['Nov. 3 was election day. Turnout was high.', ['Nov. 3 was election day.', 'Turnout was high.']],
    ['The deadline is Apr. 15. Few file early.', ['The deadline is Apr. 15.', 'Few file early.']],
  ],
  numbersAndReferences: [
    ['He lives at No. 10 Downing Street.', ['He lives at No. 10 Downing Street.']],
    ['She said no. Then she left.', ['She said no.', 'Then she left.']],
    ['See p. 14 and pp. 20-25.', ['See p. 14 and pp. 20-25.']],
    ['As shown in fig. 3, costs doubled.', ['As shown in fig. 3, costs doubled.']],
    ['See Fig. 2. It shows the trend.', ['See Fig. 2.', 'It shows the trend.']],
    ['Vol. 3 was published in 1999.', ['Vol. 3 was published in 1999.']],
    ['It costs approx. 40 dollars.', ['It costs approx. 40 dollars.']],
    ['It weighs approx. five tons.', ['It weighs approx. five tons.']],
    ['The company, est. 1890, closed.', ['The company, est. 1890, closed.']],
    ['It is Smith vs. Jones. The trial starts today.', ['It is Smith vs. Jones.', 'The trial starts today.']],
    ['Roe v. Wade was overturned.', ['Roe v. Wade was overturned.']],
    ['I love art. It moves me.', ['I love art.', 'It moves me.']],
  ],
  initials: [
    ['J. R. R. Tolkien wrote it.', ['J. R. R. Tolkien wrote it.']],
    ['J.R.R. Tolkien wrote it.', ['J.R.R. Tolkien wrote it.']],
    ['George W. Bush spoke. He was brief.', ['George W. Bush spoke.', 'He was brief.']],
    ['By Jane Q. Doe and John Q. Public.', ['By Jane Q. Doe and John Q. Public.']],
    ['E. B. White wrote Charlotte’s Web.', ['E. B. White wrote Charlotte’s Web.']],
    ['He met Malcolm X. He was impressed.', ['He met Malcolm X.', 'He was impressed.']],
    ['The plan needs vitamin C. It also needs zinc.', ['The plan needs vitamin C.', 'It also needs zinc.']],
    ['H. G. Wells and T. S. Eliot never met.', ['H. G. Wells and T. S. Eliot never met.']],
    ['So did I. Then we left.', ['So did I.', 'Then we left.']],
    ['J. A. Smith and E. I. du Pont agreed.', ['J. A. Smith and E. I. du Pont agreed.']],
    ['She got a B. A friend got an A.', ['She got a B.', 'A friend got an A.']],
  ],
  latin: [
    ['Use fruit, e.g. apples.', ['Use fruit, e.g. apples.']],
    ['Use fruit, e.g. Apples from Chile.', ['Use fruit, e.g. Apples from Chile.']],
    ['Costs doubled, i.e. twice the estimate.', ['Costs doubled, i.e. twice the estimate.']],
    ['Costs doubled, i.e. Twice the estimate.', ['Costs doubled, i.e. Twice the estimate.']],
    ['Bring pens, paper, etc. to class.', ['Bring pens, paper, etc. to class.']],
    ['Bring pens, paper, etc. The exam is long.', ['Bring pens, paper, etc.', 'The exam is long.']],
    ['Apples, pears, etc.', ['Apples, pears, etc.']],
    ['See Smith et al. for details.', ['See Smith et al. for details.']],
    ['The study by Smith et al. Was flawed.', ['The study by Smith et al.', 'Was flawed.']],
    ['Compare cf. Chapter 2.', ['Compare cf. Chapter 2.']],
    ['Use e. g. a hammer.', ['Use e. g. a hammer.']],
  ],
  decimalsMoneyPercent: [
    ['Ridership rose 12.5% in 2025.', ['Ridership rose 12.5% in 2025.']],
    ['Costs could reach $1.2 billion. That is a lot.', ['Costs could reach $1.2 billion.', 'That is a lot.']],
    ['It cost $4.5M. Nobody paid.', ['It cost $4.5M.', 'Nobody paid.']],
    ['Pi is 3.14159. E is 2.71828.', ['Pi is 3.14159.', 'E is 2.71828.']],
    ['The rate fell to .5 percent.', ['The rate fell to .5 percent.']],
    ['Inflation hit 9.1%. It then eased.', ['Inflation hit 9.1%.', 'It then eased.']],
    ['It sold for €3.5 million. Bids closed.', ['It sold for €3.5 million.', 'Bids closed.']],
    ['Revenue was ¥1,234.56 per share.', ['Revenue was ¥1,234.56 per share.']],
    ['The score was 3.5 to 2.0. Fans cheered.', ['The score was 3.5 to 2.0.', 'Fans cheered.']],
    ['Temperatures hit -3.5°C. Roads froze.', ['Temperatures hit -3.5°C.', 'Roads froze.']],
  ],
  versions: [
    ['Upgrade to v2.1.3 today.', ['Upgrade to v2.1.3 today.']],
    ['Upgrade to v2.1.3. It fixes the bug.', ['Upgrade to v2.1.3.', 'It fixes the bug.']],
    ['Node 20.19.0 is required.', ['Node 20.19.0 is required.']],
    ['Version 1.0 shipped. Version 2.0 did not.', ['Version 1.0 shipped.', 'Version 2.0 did not.']],
    ['The IP is 192.168.0.1. Do not share it.', ['The IP is 192.168.0.1.', 'Do not share it.']],
  ],
  times: [
    ['The line opens at 9 a.m. on Monday.', ['The line opens at 9 a.m. on Monday.']],
    ['It opens at 9 a.m. The mayor will attend.', ['It opens at 9 a.m.', 'The mayor will attend.']],
    ['Polls close at 8 p.m. Eastern time.', ['Polls close at 8 p.m. Eastern time.']],
    ['Polls close at 8 p.m. ET. Results follow.', ['Polls close at 8 p.m. ET.', 'Results follow.']],
    ['The shop closes at 5 P.M. Staff leave later.', ['The shop closes at 5 P.M.', 'Staff leave later.']],
    ['We met at 10 a.m. Tuesday.', ['We met at 10 a.m. Tuesday.']],
    ['It ended at 11:30 p.m. and nobody left.', ['It ended at 11:30 p.m. and nobody left.']],
    ['It ended at 11:30 p.m.', ['It ended at 11:30 p.m.']],
    ['The meeting runs 9:00–17:00. Lunch is at noon.', ['The meeting runs 9:00–17:00.', 'Lunch is at noon.']],
  ],
  ellipses: [
    ['Construction began in 2019… and stalled twice.', ['Construction began in 2019… and stalled twice.']],
    ['He paused… Then he left.', ['He paused…', 'Then he left.']],
    ['He paused... then he left.', ['He paused... then he left.']],
    ['He paused... Then he left.', ['He paused...', 'Then he left.']],
    ['He paused . . . and then he left.', ['He paused . . . and then he left.']],
    ['He paused. . . Then he left.', ['He paused. . .', 'Then he left.']],
    ['Wait...what happened?', ['Wait...what happened?']],
    ['...and that was it. Done.', ['...and that was it.', 'Done.']],
    ['The list goes on…', ['The list goes on…']],
    ['“I don’t know…” she said.', ['“I don’t know…” she said.']],
    ['Really...? Yes.', ['Really...?', 'Yes.']],
  ],
  quotes: [
    ['"The numbers are inflated," he said. "We counted 1.2 million."', ['"The numbers are inflated," he said.', '"We counted 1.2 million."']],
    ['He said, "Go home." She did.', ['He said, "Go home."', 'She did.']],
    ['“Is it?” he asked.', ['“Is it?” he asked.']],
    ['“Stop!” she yelled. He stopped.', ['“Stop!” she yelled.', 'He stopped.']],
    ['“We won.” The crowd roared.', ['“We won.”', 'The crowd roared.']],
    ['He called it ‘absurd.’ Others agreed.', ['He called it ‘absurd.’', 'Others agreed.']],
    ["He called it 'absurd.' Others agreed.", ["He called it 'absurd.'", 'Others agreed.']],
    ['“Why?” “Because.”', ['“Why?”', '“Because.”']],
    ['It was the “best year ever.” Sales rose.', ['It was the “best year ever.”', 'Sales rose.']],
    ['She asked, "Why not?" and left.', ['She asked, "Why not?" and left.']],
    ['Le ministre a dit : « C’est fini. » Puis il est parti.', ['Le ministre a dit : « C’est fini. »', 'Puis il est parti.'], 'fr'],
    ['He said «basta.» Nobody moved.', ['He said «basta.»', 'Nobody moved.']],
    ['She wrote: "Costs rose. Revenue fell."', ['She wrote: "Costs rose.', 'Revenue fell."']],
    ['The players’ union objected. Owners did not.', ['The players’ union objected.', 'Owners did not.']],
    ["The '90s were good. The '00s less so.", ["The '90s were good.", "The '00s less so."]],
  ],
  parentheses: [
    ['The report (see p. 14) says costs rose.', ['The report (see p. 14) says costs rose.']],
    ['Costs rose (by a lot). Revenue fell.', ['Costs rose (by a lot).', 'Revenue fell.']],
    ['Costs rose. (Revenue fell.) Profits vanished.', ['Costs rose.', '(Revenue fell.)', 'Profits vanished.']],
    ['The fund (est. 1990) closed.', ['The fund (est. 1990) closed.']],
    ['He left (finally!) and nobody cried.', ['He left (finally!) and nobody cried.']],
    ['They agreed [sic]. Talks ended.', ['They agreed [sic].', 'Talks ended.']],
    ['Costs rose (see Table 2.) and fell.', ['Costs rose (see Table 2.) and fell.']],
  ],
  questionsAndExclamations: [
    ['Is it? Yes.', ['Is it?', 'Yes.']],
    ['Really?! No way.', ['Really?!', 'No way.']],
    ['Stop!! Now!', ['Stop!!', 'Now!']],
    ['What?!? That is absurd.', ['What?!?', 'That is absurd.']],
    ['Is it true‽ Nobody knows.', ['Is it true‽', 'Nobody knows.']],
    ['Who knows? nobody does.', ['Who knows? nobody does.']],
    ['Yahoo! was founded in 1994.', ['Yahoo! was founded in 1994.']],
    ['Why? Because. Why not?', ['Why?', 'Because.', 'Why not?']],
    ['It was unrealistic! Is it?', ['It was unrealistic!', 'Is it?']],
  ],
  urlsAndEmails: [
    ['The agency’s website, transit.example.gov, lists 42 stations.', ['The agency’s website, transit.example.gov, lists 42 stations.']],
    ['Visit https://example.com/a.b?x=1&y=2 for details.', ['Visit https://example.com/a.b?x=1&y=2 for details.']],
    ['Visit https://example.com. Then sign up.', ['Visit https://example.com.', 'Then sign up.']],
    ['Write to jane.doe@example.org. She replies fast.', ['Write to jane.doe@example.org.', 'She replies fast.']],
    ['Email press@city.gov.uk for comment.', ['Email press@city.gov.uk for comment.']],
    ['See www.example.co.uk/news?id=4. It is old.', ['See www.example.co.uk/news?id=4.', 'It is old.']],
    ['Search at https://x.example/search?q=what? for results.', ['Search at https://x.example/search?q=what? for results.']],
    ['The file is report.final.pdf on the server.', ['The file is report.final.pdf on the server.']],
    ['Check Amazon.com for prices. Or eBay.', ['Check Amazon.com for prices.', 'Or eBay.']],
  ],
  moreAbbreviations: [
    ['He earned a Ph.D. in physics. She did not.', ['He earned a Ph.D. in physics.', 'She did not.']],
    ['He earned a Ph.D. He then left.', ['He earned a Ph.D.', 'He then left.']],
    ['The St. Louis Cardinals won. St. Paul lost.', ['The St. Louis Cardinals won.', 'St. Paul lost.']],
    ['She lives on Main St. in town.', ['She lives on Main St. in town.']],
    ['Mount St. Helens erupted in 1980.', ['Mount St. Helens erupted in 1980.']],
    ['Smith et al. (2020) found this.', ['Smith et al. (2020) found this.']],
    ['Results (p < .05) were significant.', ['Results (p < .05) were significant.']],
    ['It was 5 ft. 3 in. tall.', ['It was 5 ft. 3 in. tall.']],
    ['Ft. Worth is in Texas.', ['Ft. Worth is in Texas.']],
    ['Call 555-1234 ext. 5 now.', ['Call 555-1234 ext. 5 now.']],
    ['The U.S.-China talks ended. Nothing changed.', ['The U.S.-China talks ended.', 'Nothing changed.']],
    ['He was born in N.Y. in 1950.', ['He was born in N.Y. in 1950.']],
    ['The No. 2 official resigned.', ['The No. 2 official resigned.']],
    ['Pres. Biden spoke. Amb. Rice listened.', ['Pres. Biden spoke.', 'Amb. Rice listened.']],
    ['The bill, H.R. 1, passed.', ['The bill, H.R. 1, passed.']],
    ['U.S. GDP rose.', ['U.S. GDP rose.']],
    ['Their approach, i.e., the new one, failed.', ['Their approach, i.e., the new one, failed.']],
    ['I said "No." He said "Yes."', ['I said "No."', 'He said "Yes."']],
    ['John P. Smith and Mary C. Jones won.', ['John P. Smith and Mary C. Jones won.']],
    ['GDP rose 2.4 pct. Analysts expected 2.5.', ['GDP rose 2.4 pct.', 'Analysts expected 2.5.']],
    ['Also known as, a.k.a. the Boss.', ['Also known as, a.k.a. the Boss.']],
    ['He was ill. The doctor came.', ['He was ill.', 'The doctor came.']],
    ['He moved to Springfield, Ill. in 1990.', ['He moved to Springfield, Ill. in 1990.']],
  ],
  wrappedArticle: [
    [
      'WASHINGTON — The U.S. Department of Transportation said on Monday that\nridership rose 12.5% in 2025, far above what\nTransportation Secretary Pete Buttigieg had predicted. Mr. Alvarez, the\ncouncil\'s chair, disagreed.',
      [
        'WASHINGTON — The U.S. Department of Transportation said on Monday that\nridership rose 12.5% in 2025, far above what\nTransportation Secretary Pete Buttigieg had predicted.',
        'Mr. Alvarez, the\ncouncil\'s chair, disagreed.',
      ],
    ],
    [
      'Key Findings\nRidership rose sharply in the first quarter, according to the report by\nJane Q. Doe and the Metropolitan Washington Council of Governments.',
      ['Key Findings', 'Ridership rose sharply in the first quarter, according to the report by\nJane Q. Doe and the Metropolitan Washington Council of Governments.'],
    ],
    [
      'Officials expect the line to open at 9 a.m. on Jan. 5, 2027, after the\nNew York City Transit Authority completes its review of the signals\nSystem Upgrade Program. The program costs $1.2 billion.',
      ['Officials expect the line to open at 9 a.m. on Jan. 5, 2027, after the\nNew York City Transit Authority completes its review of the signals\nSystem Upgrade Program.', 'The program costs $1.2 billion.'],
    ],
    ['Dear Sir,\nThank you for your letter.', ['Dear Sir,\nThank you for your letter.']],
  ],
  lineBreaks: [
    ['A hard-wrapped line\ncontinues here. Next sentence\nalso wraps.', ['A hard-wrapped line\ncontinues here.', 'Next sentence\nalso wraps.']],
    ['First paragraph\n\nSecond paragraph', ['First paragraph', 'Second paragraph']],
    ['First paragraph.\n\nSecond paragraph.', ['First paragraph.', 'Second paragraph.']],
    ['Mr.\nSmith arrived.', ['Mr.\nSmith arrived.']],
    ['It ended.\nThen it began.', ['It ended.', 'Then it began.']],
    ['One\r\n\r\nTwo', ['One', 'Two']],
    ['A wrapped\r\nline. Done.', ['A wrapped\r\nline.', 'Done.']],
    ['Old Mac\rline endings. Yes.', ['Old Mac\rline endings.', 'Yes.']],
    ['Para one.\n   \t\nPara two.', ['Para one.', 'Para two.']],
    ['No punctuation here\n\nnor here', ['No punctuation here', 'nor here']],
    ['Separator\u2029Next paragraph', ['Separator', 'Next paragraph']],
    ['Line\u2028separator continues.', ['Line\u2028separator continues.']],
    [
      'The U.S. Department of\nTransportation said on Monday that ridership rose.',
      ['The U.S. Department of\nTransportation said on Monday that ridership rose.'],
    ],
    [
      'Officials said the new line would open in\nMarch. Critics disagreed with the estimate.',
      ['Officials said the new line would open in\nMarch.', 'Critics disagreed with the estimate.'],
    ],
  ],
  headingsAndLists: [
    ['Key findings\nRidership rose sharply in the first quarter of the year.', ['Key findings', 'Ridership rose sharply in the first quarter of the year.']],
    ['## Results\nCosts rose.', ['## Results', 'Costs rose.']],
    ['# Title\n\nBody text.', ['# Title', 'Body text.']],
    ['BUDGET SHORTFALL\nThe city faces a deficit.', ['BUDGET SHORTFALL', 'The city faces a deficit.']],
    ['The Budget Debate In Context\nThe city council met on Monday to discuss the budget for the next year.', ['The Budget Debate In Context', 'The city council met on Monday to discuss the budget for the next year.']],
    ['The report found:\n- ridership rose\n- costs fell', ['The report found:', '- ridership rose', '- costs fell']],
    ['- First item\n- Second item', ['- First item', '- Second item']],
    ['* One\n* Two\n* Three', ['* One', '* Two', '* Three']],
    ['• Ridership rose 12%\n• Costs fell', ['• Ridership rose 12%', '• Costs fell']],
    ['1. First step.\n2. Second step.', ['1. First step.', '2. Second step.']],
    ['1. First step\n2. Second step', ['1. First step', '2. Second step']],
    ['1) Gather data\n2) Analyse it', ['1) Gather data', '2) Analyse it']],
    ['a) apples\nb) pears', ['a) apples', 'b) pears']],
    ['(a) apples\n(b) pears', ['(a) apples', '(b) pears']],
    ['i. First\nii. Second\niii. Third', ['i. First', 'ii. Second', 'iii. Third']],
    ['I. Introduction\nII. Methods', ['I. Introduction', 'II. Methods']],
    ['Steps:\n1. Mix.\n2. Bake. Let cool.', ['Steps:', '1. Mix.', '2. Bake.', 'Let cool.']],
    ['- A bullet that wraps\n  onto a second line\n- Next', ['- A bullet that wraps\n  onto a second line', '- Next']],
    ['- A bullet without a stop\nThen a paragraph line.', ['- A bullet without a stop', 'Then a paragraph line.']],
    ['Costs rose by\n12. percent is not how you write it.', ['Costs rose by\n12. percent is not how you write it.']],
    ['— Bonjour, dit-il.\n— Bonsoir, répondit-elle.', ['— Bonjour, dit-il.', '— Bonsoir, répondit-elle.'], 'fr'],
    ['10. The tenth item is last.', ['10. The tenth item is last.']],
  ],
  invisibleCharacters: [
    ['First.\u200BSecond.', ['First.', 'Second.']],
    ['\u200BLeading zero-width.\u200B', ['Leading zero-width.']],
    ['\uFEFFBOM at start. Then text.', ['BOM at start.', 'Then text.']],
    ['Non\u00A0breaking. Space\u00A0here.', ['Non\u00A0breaking.', 'Space\u00A0here.']],
    ['Ends.\u00A0Next one.', ['Ends.', 'Next one.']],
    ['Soft\u00ADhyphen stays. Yes.', ['Soft\u00ADhyphen stays.', 'Yes.']],
    ['\u200B\n\u200B', []],
    ['Para.\n\u200B\nNext para.', ['Para.', 'Next para.']],
  ],
  german: [
    ['Der Vertrag wurde am 3. Oktober unterzeichnet.', ['Der Vertrag wurde am 3. Oktober unterzeichnet.'], 'de'],
    ['Im 19. Jahrhundert wuchs die Stadt. Heute schrumpft sie.', ['Im 19. Jahrhundert wuchs die Stadt.', 'Heute schrumpft sie.'], 'de'],
    ['Es gibt viele Obstsorten, z. B. Äpfel und Birnen.', ['Es gibt viele Obstsorten, z. B. Äpfel und Birnen.'], 'de'],
    ['Es gibt viele Obstsorten, z.B. Äpfel und Birnen.', ['Es gibt viele Obstsorten, z.B. Äpfel und Birnen.'], 'de'],
    ['Sie wohnt in der Hauptstraße Nr. 5. Er nicht.', ['Sie wohnt in der Hauptstraße Nr. 5.', 'Er nicht.'], 'de'],
    ['Das heißt, d. h. Wir warten.', ['Das heißt, d. h. Wir warten.'], 'de'],
    ['Er kam am 1. Mai zurück. Sie blieb.', ['Er kam am 1. Mai zurück.', 'Sie blieb.'], 'de'],
    ['Er wurde 3. Dann gewann er.', ['Er wurde 3.', 'Dann gewann er.'], 'de'],
    ['Die Kosten betragen ca. 5 Mio. Euro.', ['Die Kosten betragen ca. 5 Mio. Euro.'], 'de'],
    ['Dr. Müller und Prof. Schmidt kamen. Sie sprachen lange.', ['Dr. Müller und Prof. Schmidt kamen.', 'Sie sprachen lange.'], 'de'],
    ['Äpfel, Birnen usw. Das ist alles.', ['Äpfel, Birnen usw.', 'Das ist alles.'], 'de'],
    ['Wir sahen u. a. Berlin und Wien.', ['Wir sahen u. a. Berlin und Wien.'], 'de'],
    ['Die Wahl fand am 24. September 2017 statt. Die Union gewann.', ['Die Wahl fand am 24. September 2017 statt.', 'Die Union gewann.'], 'de'],
    ['Er belegte den 2. Platz. Seine Frau war stolz.', ['Er belegte den 2. Platz.', 'Seine Frau war stolz.'], 'de'],
    ['Ist das wahr? Ja! Natürlich.', ['Ist das wahr?', 'Ja!', 'Natürlich.'], 'de'],
    ['„Wir schaffen das.“ Das sagte sie.', ['„Wir schaffen das.“', 'Das sagte sie.'], 'de'],
    ['He finished 3. Then he retired.', ['He finished 3.', 'Then he retired.'], 'en'],
    ['Sie wohnt in der Goethestr. 12 in Berlin.', ['Sie wohnt in der Goethestr. 12 in Berlin.'], 'de'],
    ['Er kam am 3. und ging am 5. Oktober.', ['Er kam am 3. und ging am 5. Oktober.'], 'de'],
    ['Das war im Jahr 2020. Danach kam 2021.', ['Das war im Jahr 2020.', 'Danach kam 2021.'], 'de'],
    ['Herr Dr. med. Weber operiert. Die Klinik ist voll.', ['Herr Dr. med. Weber operiert.', 'Die Klinik ist voll.'], 'de'],
    ['Hr. Meier und Fr. Schulz kommen.', ['Hr. Meier und Fr. Schulz kommen.'], 'de'],
    ['Siehe S. 12 bzw. Abs. 3 vgl. Art. 5.', ['Siehe S. 12 bzw. Abs. 3 vgl. Art. 5.'], 'de'],
  ],
  spanishAndFrench: [
    ['¿Qué hora es? Son las tres.', ['¿Qué hora es?', 'Son las tres.'], 'es'],
    ['¡Hola! ¿Cómo estás?', ['¡Hola!', '¿Cómo estás?'], 'es'],
    ['La Sra. García llegó. El Sr. López no.', ['La Sra. García llegó.', 'El Sr. López no.'], 'es'],
    ['Frutas, p. ej. manzanas y peras.', ['Frutas, p. ej. manzanas y peras.'], 'es'],
    ['La Dra. Ruiz habló. Todos escucharon.', ['La Dra. Ruiz habló.', 'Todos escucharon.'], 'es'],
    ['Viajó a EE. UU. en 2020.', ['Viajó a EE. UU. en 2020.'], 'es'],
    ['Dijo: «No lo sé». Luego se fue.', ['Dijo: «No lo sé».', 'Luego se fue.'], 'es'],
    ['M. Dupont est arrivé. Il pleuvait.', ['M. Dupont est arrivé.', 'Il pleuvait.'], 'fr'],
    ['Vraiment ? Oui !', ['Vraiment ?', 'Oui !'], 'fr'],
    ['« Vraiment ? » demanda-t-elle.', ['« Vraiment ? » demanda-t-elle.'], 'fr'],
    ['Des fruits, p. ex. des pommes.', ['Des fruits, p. ex. des pommes.'], 'fr'],
    ['Il est né en 52 av. J.-C. à Rome.', ['Il est né en 52 av. J.-C. à Rome.'], 'fr'],
    ['Le coût est de 3,5 millions d’euros. C’est cher.', ['Le coût est de 3,5 millions d’euros.', 'C’est cher.'], 'fr'],
    ['Mme Durand a parlé. Elle était claire.', ['Mme Durand a parlé.', 'Elle était claire.'], 'fr'],
  ],
  russian: [
    ['Это важно, т. е. очень важно.', ['Это важно, т. е. очень важно.'], 'ru'],
    ['Это важно, т.е. очень важно.', ['Это важно, т.е. очень важно.'], 'ru'],
    ['Он родился в 1990 г. в Москве.', ['Он родился в 1990 г. в Москве.'], 'ru'],
    ['Он живёт в г. Москва. Она тоже.', ['Он живёт в г. Москва.', 'Она тоже.'], 'ru'],
    ['Яблоки, груши и т. д. Всё свежее.', ['Яблоки, груши и т. д.', 'Всё свежее.'], 'ru'],
    ['Пришли студенты, преподаватели и др. Все сели.', ['Пришли студенты, преподаватели и др.', 'Все сели.'], 'ru'],
    ['Это стоит 5 тыс. руб. за штуку.', ['Это стоит 5 тыс. руб. за штуку.'], 'ru'],
    ['А. С. Пушкин родился в Москве. Он был поэтом.', ['А. С. Пушкин родился в Москве.', 'Он был поэтом.'], 'ru'],
    ['Правда? Да! Конечно.', ['Правда?', 'Да!', 'Конечно.'], 'ru'],
    ['«Мы победили», — сказал он. Все обрадовались.', ['«Мы победили», — сказал он.', 'Все обрадовались.'], 'ru'],
    ['Рост составил 2,5%. Это много.', ['Рост составил 2,5%.', 'Это много.'], 'ru'],
    ['Заседание состоится 5 дек. 2024 г.', ['Заседание состоится 5 дек. 2024 г.'], 'ru'],
    ['Москва, ул. Тверская, д. 1.', ['Москва, ул. Тверская, д. 1.'], 'ru'],
    ['В 1990-х гг. В России было трудно.', ['В 1990-х гг.', 'В России было трудно.'], 'ru'],
    ['Проф. Иванов выступил. Зал молчал.', ['Проф. Иванов выступил.', 'Зал молчал.'], 'ru'],
  ],
  chineseAndJapanese: [
    ['他来了。她走了。', ['他来了。', '她走了。'], 'zh'],
    ['你好吗？我很好！谢谢。', ['你好吗？', '我很好！', '谢谢。'], 'zh'],
    ['他说：“我们明天去北京。”然后他走了。', ['他说：“我们明天去北京。”', '然后他走了。'], 'zh'],
    ['价格上涨了3.5%。市场很平静。', ['价格上涨了3.5%。', '市场很平静。'], 'zh'],
    ['真的吗?是的。', ['真的吗?', '是的。'], 'zh'],
    ['这是iPhone 15。它很贵。', ['这是iPhone 15。', '它很贵。'], 'zh'],
    ['今日は晴れです。明日は雨です。', ['今日は晴れです。', '明日は雨です。'], 'ja'],
    ['「今日は。」と彼は言った。', ['「今日は。」と彼は言った。'], 'ja'],
    ['「本当ですか？」彼女は聞いた。', ['「本当ですか？」', '彼女は聞いた。'], 'ja'],
    ['東京は大きい。。。本当に。', ['東京は大きい。。。', '本当に。'], 'ja'],
    ['彼は……黙った。', ['彼は……黙った。'], 'ja'],
    ['会議は午後3時に始まる｡遅れないで｡', ['会議は午後3時に始まる｡', '遅れないで｡'], 'ja'],
  ],
  arabicPersianHindi: [
    ['هل هذا صحيح؟ نعم.', ['هل هذا صحيح؟', 'نعم.'], 'ar'],
    ['ذهب إلى السوق. اشترى خبزًا.', ['ذهب إلى السوق.', 'اشترى خبزًا.'], 'ar'],
    ['آیا این درست است؟ بله.', ['آیا این درست است؟', 'بله.'], 'fa'],
    ['یہ کتاب ہے۔ وہ قلم ہے۔', ['یہ کتاب ہے۔', 'وہ قلم ہے۔'], 'ur'],
    ['यह एक वाक्य है। यह दूसरा है।', ['यह एक वाक्य है।', 'यह दूसरा है।'], 'hi'],
    ['क्या यह सच है? हाँ।', ['क्या यह सच है?', 'हाँ।'], 'hi'],
    ['राम घर गया।सीता नहीं गई।', ['राम घर गया।', 'सीता नहीं गई।'], 'hi'],
  ],
  mixedScripts: [
    ['The treaty (条约) was signed. 它很重要。It matters.', ['The treaty (条约) was signed.', '它很重要。', 'It matters.']],
    ['Москва is big. Berlin ist groß.', ['Москва is big.', 'Berlin ist groß.']],
    ['He said „Ja.“ Then left.', ['He said „Ja.“', 'Then left.']],
    ['Emoji 🎉 time. Party 🥳!', ['Emoji 🎉 time.', 'Party 🥳!']],
    ['👨‍👩‍👧 family. Next.', ['👨‍👩‍👧 family.', 'Next.']],
    ['Café prices rose. Éclairs too.', ['Café prices rose.', 'Éclairs too.']],
  ],
};

describe('splitSentences', () => {
  for (const [category, cases] of Object.entries(CASES)) {
    describe(category, () => {
      it.each(cases)('%j', (input, expected, locale) => {
        const sentences = splitSentences(input, locale);
        expect(sentences.map((s) => s.text)).toEqual(expected);
        expectWellFormed(input, sentences);
      });
    });
  }

  it('splits the fixture paragraph with abbreviations, quotes, a question and an ellipsis', () => {
    const text =
      'Officials expect the line to open at 9 a.m. on Jan. 5, 2027. Critics, including Sen. Patel (D-Md.), called the schedule unrealistic! Is it? The report (see p. 14) says costs could reach $1.2 billion, i.e. twice the estimate.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Officials expect the line to open at 9 a.m. on Jan. 5, 2027.',
      'Critics, including Sen. Patel (D-Md.), called the schedule unrealistic!',
      'Is it?',
      'The report (see p. 14) says costs could reach $1.2 billion, i.e. twice the estimate.',
    ]);
  });

  it('reports offsets into the original text', () => {
    const text = '  Hello there.\r\n\r\n  General Kenobi!  ';
    expect(splitSentences(text)).toEqual([
      { text: 'Hello there.', start: 2, end: 14 },
      { text: 'General Kenobi!', start: 20, end: 35 },
    ]);
  });

  it('handles a megabyte of text, including one single line', () => {
    const prose = 'The U.S. Department said ridership rose 12.5% on Jan. 5. "Is it?" he asked... and left! Mr. Li stayed.\n';
    const repeats = Math.ceil(1_000_000 / prose.length);
    const big = prose.repeat(repeats);
    expect(splitSentences(big)).toHaveLength(repeats * 3);
    const oneLine = big.replace(/\n/g, ' ');
    const sentences = splitSentences(oneLine);
    expect(sentences).toHaveLength(repeats * 3);
    expect(sentences[repeats * 3 - 1].text).toBe('Mr. Li stayed.');
    expectWellFormed(oneLine, sentences);
  });

  it.each([
    ['dots', '.'.repeat(1_000_000)],
    ['spaced dots', '. '.repeat(500_000)],
    ['one long word', 'a'.repeat(1_000_000) + '. Next.'],
    ['dotted initials', 'A.'.repeat(500_000)],
    ['question marks', '? '.repeat(500_000)],
    ['blank lines', '\n'.repeat(1_000_000)],
    ['opening quotes', '. ' + '"'.repeat(1_000_000)],
  ])('stays linear on pathological input: %s', (_name, input) => {
    const sentences = splitSentences(input);
    expect(Array.isArray(sentences)).toBe(true);
    for (const s of sentences.slice(0, 100)) expect(s.text).toBe(input.slice(s.start, s.end));
  });

  it('never throws on odd input', () => {
    expect(splitSentences(undefined as unknown as string)).toEqual([]);
    expect(splitSentences(null as unknown as string)).toEqual([]);
    expect(splitSentences('\uD800 lone surrogate. Next.')).toHaveLength(2);
    expect(splitSentences('Yes. \uDC00')).toHaveLength(2);
    expect(splitSentences('Hello.', 'not-a-locale')).toHaveLength(1);
  });
});

describe('splitSentences properties', () => {
  const pieces = [
    'Mr.', 'U.S.', 'a.m.', ' ', '  ', '\n', '\r\n', '\r', '\n\n', '\u200B', '\uFEFF', '\u00A0', '.', '...', '…', '?', '!',
    '"', '“', '”', '«', '»', '(', ')', '「', '」', '。', '？', '।', '؟', '- ', '1. ', '# ', 'word', 'Word', 'J.', '3.5',
    'z. B.', 'т. е.', '他来了', 'Москва', 'مرحبا', 'हिंदी', '🎉', 'e.g.', 'etc.', 'example.com', "'", '’',
  ];
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }),
    fc.string({ unit: fc.constantFrom('.', '?', '!', '…', ' ', '\n', '"', ')', '。'), maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  it('covers all content with ordered, trimmed, non-overlapping sentences', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'en', 'de', 'fr', 'es', 'ru', 'zh', 'ja', 'ar', 'fa', 'hi'), (input, locale) => {
        expectWellFormed(input, splitSentences(input, locale));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits CRLF text exactly like LF text', () => {
    fc.assert(
      fc.property(text, (input) => {
        const lf = input.replace(/\r\n?/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const texts = splitSentences(crlf).map((s) => s.text.replace(/\r\n/g, '\n'));
        expect(texts).toEqual(splitSentences(lf).map((s) => s.text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets a sentence cross a blank line', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const s of splitSentences(input)) expect(s.text).not.toMatch(/\n[ \t]*\n/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitParagraphs', () => {
  it('returns trimmed blank-line-separated spans', () => {
    const text = ' One\nstill one.\n\n\r\nTwo. \n \nThree';
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['One\nstill one.', 'Two.', 'Three']);
  });
});

describe('detectLocale', () => {
  it.each([
    ['The council approved the budget on Monday, and the mayor said it was fair.', 'en'],
    ['Der Stadtrat hat den Haushalt am Montag beschlossen, und die Bürgermeisterin ist nicht zufrieden.', 'de'],
    ['Le conseil a approuvé le budget lundi et le maire est satisfait des résultats.', 'fr'],
    ['El consejo aprobó el presupuesto el lunes y los vecinos no están contentos con la decisión.', 'es'],
    ['Городской совет утвердил бюджет в понедельник.', 'ru'],
    ['市议会周一批准了预算。', 'zh'],
    ['市議会は月曜日に予算を承認しました。', 'ja'],
    ['وافق المجلس على الميزانية يوم الاثنين.', 'ar'],
    ['شورای شهر روز دوشنبه بودجه را تصویب کرد و گفت که این کار مهم است.', 'fa'],
    ['नगर परिषद ने सोमवार को बजट को मंजूरी दी।', 'hi'],
    ['시의회는 월요일에 예산을 승인했다.', 'ko'],
    ['', 'en'],
    ['12345 !!! ...', 'en'],
    ['The report cites 条约 once but is written in English throughout the whole text.', 'en'],
  ])('%j -> %s', (text, expected) => {
    expect(detectLocale(text)).toBe(expected);
  });
});
