"""Closed word lists shared by the name finder, the frames and the speakers."""

from __future__ import annotations

# ------------------------------------------------------------------ names

STOP_CAP = frozenset("""
The A An In On At But And Or Nor If When While As After Before This That These
Those Then It Its He She They We I His Her Hers Their Theirs Our My Your You
What Why How Where Who Whom Whose Which Also However Meanwhile Still Yet So For
From With Without By To Of Rather Because Although Though Despite Since Until
Under Over Now Today Yesterday Tomorrow Tonight There Here Some Many Most All
Both Each Every No Not One Two Three Four Five Six Seven Eight Nine Ten First
Second Third Such Much More Less Other Another Even Just Only Indeed Instead Thus
Therefore Moreover Furthermore Overall Later Earlier Once Again Already Soon
Recently Currently Previously Ultimately Finally Whether Do Does Did Is Are Was
Were Be Been Has Have Had Let Please Yes Oh Well Like Unlike About Above Below
Between Among Amid Against Along Around Across Through During Within Into Onto
Upon Toward Towards Via Per Plus Maybe Perhaps Read Click Subscribe Watch See
Share Follow Sign Advertisement Related Update Updated Breaking Photo Image
Video Editor Note Sources Officials Analysts Investors Critics Experts
Researchers Authorities Lawmakers Regulators Shares Prices Residents Witnesses
Scientists Economists Employees Workers Users Customers Fans Supporters
Opponents Others People Several Neither Either Any Anyone Everyone Nobody
Someone Something Nothing Everything Last Next Few Whatever Whoever Whenever
Sir Madam Dear Mister Okay OK Hey Hi Hello Thanks Thank Why Because Amen
""".split())
# only a stop word when it opens a sentence ("Will Smith" stays a name)
STOP_INITIAL = frozenset("""
Will Would Could Should May Might Can Must Shall Said Says Asked Told New Big
Top Many Investors Rising Falling Shortly Late Early Several Under Given
According Amid Asked Following Speaking Writing Calling Responding Adding
""".split())
DAYS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun""".split())
MONTHS = frozenset("""January February March April May June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
TITLES = frozenset("""
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Gen General
Col Colonel Capt Captain Lt Sgt Sergeant Maj Major Adm Admiral Gov Governor Sen
Senator Rep Representative Congressman Congresswoman President Vice Prime
Minister Secretary Chancellor Mayor Judge Justice Chief Executive Officer CEO
CFO COO CTO CIO Chairman Chairwoman Chairperson Chair Founder Co-founder
Cofounder Co-Founder Director Commissioner Ambassador King Queen Prince Princess
Pope Attorney Speaker Leader Coach Detective Inspector Sheriff Deputy Agent
Pastor Rabbi Imam Bishop Cardinal Billionaire Tycoon Entrepreneur Spokesman
Spokeswoman Spokesperson Acting Former Interim Senior Treasurer Premier
President-elect Host Anchor Correspondent Reporter Analyst Economist Investor
Professor Dean Provost Superintendent Councillor Councilman Councilwoman
Alderman Ald Hon Insp Det Atty Supt Cmdr Pres Messrs Mmes Novelist Author Writer
Actor Actress Singer Rapper Musician Artist Comedian Filmmaker Producer Designer
Journalist Lawyer Activist Scientist Researcher Physicist Astronaut Athlete
Player Striker Goalkeeper Manager Owner Philanthropist Candidate Nominee
Challenger Incumbent Lawmaker Legislator Diplomat Envoy Negotiator Prosecutor
Defendant Plaintiff Suspect Billionaires Officials Chairs Judges State
""".split())
# titles that are also surnames: a title only at the start of a name or after a company
SOFT_TITLES = frozenset("""King Queen Prince Princess Lord Lady Major General Judge Justice
Chief Speaker Leader Host Dean Senior Chair Sir Dame Captain Colonel Sergeant Admiral
Coach Agent Bishop Cardinal Deputy Head Player Owner Singer Manager Writer Judges State""".split())
ORG = frozenset("""
Inc Corp Corporation Co Cos Company LLC LLP Ltd PLC Plc GmbH AG SA NV Group
Holdings Bank Capital Partners Fund Funds Ventures Foundation Institute
University College School Academy Association Agency Authority Department
Ministry Council Committee Commission Court Board Office Bureau Party
Parliament Congress Senate House Assembly Times News TV Post Journal Press
Herald Tribune Guardian Telegraph Gazette Magazine Network Media Radio
Broadcasting Airlines Airways Motors Technologies Technology Systems Labs
Laboratories Pharmaceuticals Pharma Energy Oil Industries International Global
Securities Exchange Reserve Federation Union Alliance Organization Organisation
Coalition Army Navy Force Forces Police Summit Conference Forum Street Square
Avenue Road Center Centre Hospital Church Club League Team Studios Records
Entertainment Games Platforms Services Solutions Software Research Trust
Government Administration Republic Kingdom States Province County City Island
Islands Valley Bay River Mountains AI Review Channel
Online Daily Weekly Motor Electric Brothers Bros Airlines Store
Stores Market Markets Index Mall Hotel Resort Airport Station Museum Library
""".split())
PARTICLES = frozenset("de da di del della der den van von la le du dos das bin ibn al el ter ten y".split())
PLACE_FIRST = frozenset("""
New Los Las San Santa Saint St Hong South North East West Central Silicon Wall
Downing Capitol Middle Latin Puerto Costa Sri Saudi Buenos Rio Sao São Tel Abu
Cape Fort Port Mount Lake Palm Palo Mountain Upper Lower Greater Northern
Southern Eastern Western United Czech Dominican Ivory Sierra Burkina Papua Kuala
Addis Ho Phnom Salt Baton Des Grand Little Big Great Royal Federal National
Supreme High Holy Old Fifth Times
""".split())
GENERIC_ACRONYMS = frozenset("""AI CEO CFO COO CTO TV PM AM GDP IPO USD EUR GBP
OK FAQ PDF URL CEO’s HR PR IT VR AR EV EVs""".split())
ABBREV_DOT = frozenset("Inc Corp Co Cos Ltd Jr Sr Bros Plc St Mr Mrs Ms Dr Prof Gov Sen Rep Gen Lt Col Capt Sgt Rev Hon".split())
SUFFIX = frozenset("Jr Sr II III IV".split())
# titles that make a lone name a person ("Ms. Doe", "Senator Doe")
PERSON_TITLES = frozenset("""Mr Mrs Ms Mx Miss Dr Sen Senator Rep Gov Governor President Judge
Professor Prof Sir Dame Lord Lady Mayor""".split())

# ------------------------------------------------------------------ function words

AUXILIARIES = frozenset("""is was are were has had have will would could should may might can
must did does do""".split())
AUX = AUXILIARIES | frozenset("be been being am having shall 's ’s 'd ’d".split())
BE = frozenset("is are was were be been being am".split())
DETERMINERS = frozenset("""the a an its his her their our your my this that these those
some any every each no another such""".split())
# determiners and quantifiers opening a common noun ("many analysts said")
NOUN_OPENERS = DETERMINERS | frozenset("several many both all most".split())
PREPOSITIONS = frozenset("""of in on at for from with by to into onto over under about
against between among amid after before since during through across toward towards
via per than like near without within upon off out up down as""".split())
ADVERBS = frozenset("""also later then still just now previously reportedly allegedly
already recently finally currently once again even ultimately eventually initially
originally subsequently formally officially publicly privately quickly swiftly
firmly flatly repeatedly separately meanwhile however nonetheless nevertheless
instead indeed apparently reportedly effectively only soon""".split())
NEG = frozenset("not never no-longer n't nt".split())
PRONOUNS = frozenset({"he", "she", "they"})
PERSON_PRONOUNS = PRONOUNS | frozenset({"him", "her", "them"})
RELATIVE = frozenset("who which that whom whose where".split())
SUBORD = frozenset("""who which whom whose where while whereas although though because
after before when since until unless if once""".split())
COORD = frozenset("and but or yet then nor".split())
CONTRACTIONS = frozenset("he's she's it's that's there's what's who's here's where's let's".split())

# ------------------------------------------------------------------ speech

SPEECH = frozenset("""
said says say told tells tell added adds wrote writes tweeted tweets posted posts
noted notes explained explains argued argues asked asks replied replies responded
responds continued continues stated states declared declares insisted insists
warned warns claimed claims recalled recalls remarked remarks quipped quips joked
jokes admitted admits acknowledged acknowledges conceded concedes countered
counters stressed stresses emphasized emphasised emphasizes emphasises suggested
suggests announced announces confirmed confirms testified testifies shouted yelled
whispered observed observes concluded concludes commented comments answered
answers exclaimed mused muses boasted boasts complained complains lamented laments
predicted predicts promised promises vowed vows urged urges called calls described
describes dubbed labeled labelled branded reiterated reiterates repeated repeats
maintained maintains contended contends texted emailed messaged elaborated
cautioned cautions agreed agrees interjected retorted snapped scoffed wondered
wonders recounted recounts reflected reflects characterized characterised
replied insisted posted wrote blasted slammed hailed praised criticized
criticised accused accuses dismissed
""".split())
# words between a speaker and a speech verb ("Doe also said", "Doe has said")
SKIP_BACK = AUXILIARIES | frozenset("""also later then still just now previously reportedly
once again even ultimately eventually initially originally subsequently formally
officially publicly privately quickly firmly flatly repeatedly separately meanwhile
however not never already recently simply only""".split())
