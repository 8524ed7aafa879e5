"""Words that say whether a sentence reports what happened or announces what will happen, in
English, Russian and Kazakh. A day or month written without a year is dated by them: an announced
event lies after the publication date, a reported one before it.

Data only (regex fragments); `dates.tense_of` reads them. Only words that are a verb form and
nothing else are listed: a Kazakh "-ды" ending is as often an accusative noun ("долларды") as a
past verb, so inside a sentence the Kazakh lists are words, and only the sentence's last word
(where Kazakh puts its verb) is read by its ending.
"""

from __future__ import annotations

ENGLISH_FUTURE = (
    r"will|shall|is\s+to|are\s+to|is\s+scheduled|are\s+scheduled|scheduled\s+for|is\s+expected|are\s+expected"
    r"|is\s+planned|are\s+planned|plans?\s+to|planning\s+to|is\s+due|are\s+due|due\s+to\s+(?:be|start|open|take)"
    r"|upcoming|forthcoming|next"
    # A reduced passive of a plan before the day it is for ("the rise in airport charges planned for 1 January", "a
    # vote slated for March"): "is planned" with its "is" left out, what is to come.
    r"|(?:planned|slated|earmarked)\s+for"
    # An outlook or forecast is for what is to come: "its outlook for December-February".
    r"|outlook\s+for|forecasts?\s+for"
    # An expectation with its infinitive is of what is to come: "we expect 15% of it to be booked in the fourth
    # quarter" ("Economists expect inflation of 10.2%, down from 10.5% in October" compares with what was).
    r"|(?:expects?|anticipates?)(?=\s(?:[^.,;:]{0,60}\s)?to\s)"
    # A plan or an intention told in the past, with its infinitive ("said they planned to raise purchases in the
    # second quarter", "intended to open the tender in March", "aimed to finish by December"; set 72): the
    # infinitive is what is to come, as after "plans to".
    r"|(?:planned|intended|aimed|hoped)\s+to\s+(?!have\s)[a-z]+"
    # Reported plans: "promised that investors would be able to … from January" (not "would have").
    r"|would(?!\s+(?:have|not\s+have)\b)"
    # A timetable's present ("Tickets go on sale on Monday", "The match kicks off on Thursday", "registration opens
    # on 2 March"): English writes what is scheduled in the present simple, which a plural noun looks like, so only
    # the verbs of a timetable are listed, and "opens/starts/…" only before the day they name.
    r"|go(?:es)?\s+on\s+sale|kicks?\s+off|(?:opens|starts|begins|closes)(?=\s+on\s)"
    # ... and with what it opens for or to before the day: "the call opens for proposals on 1 August", "the bridge
    # closes to traffic on Monday", "the museum opens to the public on".
    r"|(?:opens|closes)(?=\s+(?:for|to)\s+(?:the\s+)?[a-z]+\s+on\s)"
    # A release or sitting set for a day ("On Friday the National Bank publishes its reserves", "the council convenes
    # on Monday") and payments or filings "due on" a day ("tax payments due on Monday"; "was due" reports).
    r"|publishes|convenes|reconvenes|(?<!was\s)(?<!were\s)due(?=\s+(?:on|in|by)\s)"
)
ENGLISH_PAST = (
    r"was|were|had|did|took\s+place|met|signed|held|adopted|approved|visited|opened|launched"
    r"|reached|agreed(?!\s+to\s)|concluded|discussed|ended|began|started|went|came|gave|made|rose|fell|grew"
    # Irregular pasts of travel and trade ("The orchestra left Astana on 22 November"); "left" after an article is
    # a side ("the left bank"), after "are/is" what remains ("two seats are left").
    r"|(?<!the )(?<!are )(?<!is )left(?!\s+(?:bank|side|wing|hand))|flew|ran|sold|bought|paid|won|built|sent|brought|became|drove|rode"
    # A regular past tense; after an article it is an adjective ("the planned summit"). Verbs of
    # saying tell when the news was told, not when the event is ("reported", "сообщили", "хабарлады"), and so does
    # "published" ("its outlook for December-February published today"), and so do verbs of asking ("has asked
    # consumers to shift load until 31 January": the request's date is not the shift's).
    # After "is/are/be" a participle is passive, present or planned ("is planned for the autumn").
    r"|(?<!the )(?<!a )(?<!an )(?<!is )(?<!are )(?<!be )(?!(?:report|announc|stat|not|add|claim|confirm|underlin|emphasi[sz]|stress|recall|mention|publish|ask|urg|request)ed)"
    r"(?!proposed\s+to\s)(?!(?:plann|slat|earmark)ed\s+for\s)(?!(?:plann|intend|aim|hop)ed\s+to\s)"
    r"[a-z]{3,}ed"
)
RUSSIAN_FUTURE = (
    r"будет|будут|состоится|состоятся|пройдет|пройдёт|пройдут|планирует(?:ся)?|планируют|планируется"
    r"|намерен[аы]?|ожидается|ожидаются|ожидает|ожидают|предстоит|предстоящ\w*|начнется|начнётся|вступит|откроется|стартует"
    r"|продлится|запланирован\w*|откроются|начнутся|вступят|завершится|завершатся|заработает|заработают"
    r"|откроет|начн[её]т|запустит|провед[её]т|подпишет|выделит|построит|примет|получит|увеличит|сократит"
    # The perfective future of a release or a sitting ("В пятницу Нацбанк опубликует данные", "совет соберется").
    r"|опубликует|опубликуют|обнародует|огласит|собер[её]тся|соберутся|рассмотрит|обсудит"
    # The perfective future of the "-йти" verbs with a prefix ("номер выйдет в пятницу", "книга выйдет", "поезд придет",
    # "колонна дойдет"): the present of those verbs is the imperfective "выходит", "приходит".
    r"|(?:вы|по|за|на|у|до|пере|во|обо|со|подо|ото|разо)йд[её]т|прид[её]т"
    # A fixture's or timetable's present, as English "kicks off" ("Сборная в субботу принимает Словению", "в среду
    # играет с Кипром", "выставка открывается в пятницу", "поезд отправляется 3 мая"): what is scheduled.
    r"|принимает|принимают|играет|играют|встречается|встречаются|открывается|открываются|начинается|начинаются"
    r"|отправляется|отправляются"
    # The same verbs in the first person plural: "Следующий опрос мы проведем в сентябре".
    r"|откроем|начн[её]м|запустим|провед[её]м|подпишем|выделим|построим|примем|получим|увеличим|сократим"
    # The perfective future in the plural, a prefix and "-ят/-ут" ("результаты объявят в июле", "подведут итоги",
    # "назовут победителей"); "-ают/-яют/-еют/-уют" are the imperfective present ("объявляют", "используют"), and so
    # are the verbs of motion in "-одят/-осят/-озят" ("проводят", "приносят", "вывозят").
    r"|(?:вы|под|пред|про|пере|за|на|от|до|при|со|раз|рас|об|о|у)[а-яё]{2,}(?<!а)(?<!я)(?<!е)(?<!у)"
    r"(?:(?<!од)(?<!ос)(?<!оз)ят|ут)"
    # The same in the singular, a prefix and "-ит" ("доклад Казахстан представит в декабре", "банк выплатит",
    # "комиссия утвердит"): a prefixed verb in "-ить" is perfective, its imperfective is "-ивает/-яет" ("представляет").
    # Not the verbs of motion ("проводит", "приносит", "вывозит") nor the few prefixed imperfectives of state
    # ("содержит", "принадлежит", "зависит", "состоит", "выглядит", "предвидит"), nor a noun in "-цит" ("профицит").
    r"|(?:вы|под|пред|про|пере|за|на|от|до|при|со|раз|рас|об|о|у)[а-яё]{2,}(?<!а)(?<!я)(?<!е)(?<!у)(?<!о)(?<!и)"
    r"(?<!од)(?<!ос)(?<!оз)(?<!держ)(?<!леж)(?<!вис)(?<!сто)(?<!гляд)(?<!вид)(?<!ц)ит"
    # The same perfective future made reflexive, "-ится/-ятся" ("мороз сохранится", "цены понизятся", "выставка
    # обновится"), under the same exclusions: the verbs of motion ("находится", "относятся", "проводится") and of
    # state ("содержится", "зависится") are the imperfective present.
    r"|(?:вы|под|пред|про|пере|за|на|от|до|при|со|раз|рас|об|о|у)[а-яё]{2,}(?<!а)(?<!я)(?<!е)(?<!у)(?<!о)(?<!и)"
    r"(?<!од)(?<!ос)(?<!оз)(?<!держ)(?<!леж)(?<!вис)(?<!сто)(?<!гляд)(?<!вид)(?<!ц)(?:ится|ятся)"
    # An invitation in the plural imperative asks the reader to come to what lies ahead ("приходите в субботу на
    # лекцию", "приезжайте в пятницу", "записывайтесь до 1 мая", "присоединяйтесь"; set 65's call for volunteers).
    # Only the endings few other words have: "-айте/-яйте/-уйте", the reflexive "-йтесь/-итесь", and the verbs of
    # coming in "-ходите"; a bare "-ите" is as often a noun's prepositional ("о кредите", "при дефиците"), and so are
    # "-ейте" and "-сайте/-байте" ("при эстимейте", set 44's auction, "на веб-сайте", "в мегабайте").
    r"|[а-яё]{2,}(?<!с)(?<!б)айте|[а-яё]{2,}(?:яйте|уйте|йтесь|итесь)|(?:при|за|под)ходите"
)
RUSSIAN_PAST = (
    r"состоял(?:ся|ась|ось|ись)|прош[её]л|прошл[аио]|подписал[аи]?|подписан[аоы]?|принял[аи]?|принят[аоы]?"
    r"|провел[аи]?|провёл|посетил[аи]?|открыл[аи]?(?:сь)?"
    r"|встретил(?:ся|ись)|обсудил[аи]?|одобрил[аи]?|утвердил[аи]?|начал(?:ся|ись|ась)?|завершил(?:ся|ись|ась)?"
    # ("было решено провести": the auxiliary of a decision to do something, which says neither tense, below.)
    r"|был[аи]?|было(?!\s+(?:решено|постановлено|договорено)\s+[а-яё]+(?:ть|ти)(?![а-яё]))"
    # Irregular past of growth, the verb of most statistics reports ("вырос на четверть").
    r"|вырос(?:ла|ло|ли)?"
    # The masculine past of the other verbs of prices and rates, which the regular forms below leave out ("-ал/-ел",
    # as "капитал", "отдел" end): "с января евро подорожал с 530 до 598 тенге", "курс упал", "тенге подешевел".
    r"|(?:по|у)?дорожал[аои]?|(?:по|у)?дешевел[аои]?|(?:у|с|вы|за)пал[аои]?|(?:о|по)слаб(?:ел|ла|ло|ли)?"
    r"|(?:у|о)креп(?:ла|ло|ли)?|потерял[аои]?|прибавил[аои]?"
    # Irregular past of the "-йти" verbs with a prefix ("с конвейера сошли", "вышли на рынок", "пришло").
    r"|(?:со|при|вы|у|за|пере|до|по|на|во|вз|от)ш(?:ли|ла|ло|[её]л)(?![а-яё])"
    # "отметили 30-летие" (celebrated), not "отметили, что" (said)
    r"|отметил[аи]?(?=\s+(?:\d|годовщин|юбиле|праздник|день\s))"
    # Regular past forms that no common noun shares ("представили", "составила", "собрались").
    # ("Ответили из пресс-службы: … обещают к 20 сентября": a reply is a saying too.)
    r"|(?!(?:заяв|сообщ|отмет|объяв|подчеркн|рассказ|поясн|уточн|добав|сказ|напомн|сообщ|ответ))"
    r"(?!(?:договорил|условил|решил|постановил|пообещал|обещал|предложил)[а-яё]*\s+[а-яё]+(?:ть|ти)(?![а-яё]))"
    r"[а-яё]{3,}(?:или|ила|ились|илась|ился|али|яли|ались|ялись|ался|ялся)"
    # The neuter short participle of a report ("В октябре проведено 2 640 консультаций", "выдано 120 виз"); not a
    # plan ("запланировано", "намечено", "предусмотрено", "назначено") nor a saying ("сказано", "указано", "отмечено"),
    # nor an order, a permission or a ban, which states what is to be done ("Инициатору предписано останавливать
    # турбины с 1 сентября по 15 октября", "поручено", "рекомендовано", "разрешено", "запрещено", "вменено").
    r"|(?!(?:запланир|намеч|предусмотр|назнач|сказ|указ|отмеч|заявл|объявл|сообщ|рассказ|показ"
    r"|предпис|поруч|рекомендов|разреш|запрещ|вмен))"
    # Nor a decision to do something ("встречу решено провести через два месяца", "было решено перенести"), which,
    # as "решил провести" does, says neither tense.
    r"(?!(?:решено|постановлено|договорено)\s+[а-яё]+(?:ть|ти)(?![а-яё]))"
    r"[а-яё]{3,}(?:ено|ано)(?![а-яё])"
    # The feminine and plural short participle of a report ("В мае подана заявка на патент", set 65; "выдана лицензия",
    # "получена субсидия", "переданы документы"), under the same exclusions as the neuter, and not after "быть" ("должна
    # быть подана"). Only the stems nouns do not end in: "-дан-" ("подана", "выдана", "создана"; not "Судана",
    # "чемодана"), "-ован-/-еван-" ("зарегистрирована"), "-писан-", "-бран-", "-знан-", "-зван-", and "-ен-" after a
    # consonant of the past stem ("получена", "направлена", "запущена", "снижена"), not after "м" ("замена", "времена").
    r"|(?<!быть\s)(?!(?:запланир|намеч|предусмотр|назнач|сказ|указ|отмеч|заявл|объявл|сообщ|рассказ|показ"
    r"|предпис|поруч|рекомендов|разреш|запрещ|вмен))(?!(?:судан|иордан|чемодан|елен|колен|полен|сирен)[аы](?![а-яё]))"
    r"[а-яё]{2,}(?:дан|ован|еван|писан|бран|знан|зван|[дтжчшщлвр]ен)[аы](?![а-яё])"
    # ... and only before its subject, the order a report of an event takes ("подана заявка"); after its subject it
    # states what holds ("квота в третьем квартале сокращена на 15%", set 58: the quarter under way, not a year ago).
    r"(?=\s+(?!(?:на|в|во|до|с|со|по|к|ко|от|за|из|и|а|но|не|при|для|после|с|у|о|об)\s)[а-яё])"
    # The masculine "-ил" ("порт перевалил", "банк выделил"), which few nouns end in; names do ("Михаил").
    r"|(?!(?:заяв|сообщ|отмет|объяв|подчеркн|рассказ|поясн|уточн|добав|напомн|михаи|даниил|гавриил|израил|крокодил))"
    r"(?!предложил\s+[а-яё]+(?:ть|ти)(?![а-яё]))[а-яё]{3,}ил(?![а-яё])"
)
KAZAKH_FUTURE = (
    r"өтеді|өтпек|болады|болмақ|өткізіледі|өткізілмек|басталады|ашылады|жалғасады|жоспарлануда|жоспарлап"
    r"|жоспарланған|жоспарланып|күтілуде|күтіледі|тиіс|алдағы|келесі|қол\s+қойылады|қабылданады"
    # Intent points ahead even in a past sentence: "… бастауды мақсат етіп қойды" (set out to start).
    r"|мақсат\s+етіп|мақсат\s+етуде|көздеп|көздейді|ниетті|ниет\s+білдірді"
    # So does a promise or an undertaking to do it: "… әкелуге уәде берді" (promised to bring), "… іске қосуға
    # міндеттенді" (undertook to launch), as "promised to deliver in July" and "обещал поставить в июле" do (set 73).
    r"|[а-яәіңғүұқөһ]{2,}(?:уға|уге)\s+(?:уәде\s+(?:берді|береді|етті)|міндеттенді|міндеттеме\s+алды)"
    # Said that it will: the present-future participle reported by a verb of saying ("қайта қарайтындарын айтты",
    # said they would review it), as "said it would" and "заявил, что рассмотрит" announce.
    r"|[а-яәіңғүұқөһ]{2,}(?:атын|етін|йтын|йтін)(?:дар|дер|тар|тер)?(?:ын|ін)\s+(?:айтты|мәлімдеді|хабарлады|жеткізді)"
)
# Agreeing or deciding to do something says neither tense: "agreed to hold the next round in November"
# announces, "agreed to set up a joint venture on 30 July" dates the agreement; the date nearest the
# publication decides, as with no verb ("договорились провести встречу в октябре", "өткізуге келісті").
# Proposing to do it says neither too ("келіссөздерді желтоқсанда бастауды ұсынды", proposed to start talks in
# December; "proposed to open talks in December", "предложили начать переговоры в декабре").
KAZAKH_AGREED_TO = r"[а-яәіңғүұқөһ]+(?:(?:уге|уға)\s+(?:келісті|уағдаласты|шешті)|(?:уды|уді)\s+ұсынды)\W*$"
KAZAKH_PAST = (
    r"өтті|болды|өткен|өткізілді|қойылды|қабылданды|басталды|ашылды|жасалды|мақұлдады|(?<!уге )(?<!уға )келісті|кездесті"
    r"|қатысты|талқылады|бекітті|аяқталды|қабылдады|өткізді|жиналды|жалғасты|қойды|тіркеді|тіркелді"
    # Past forms of vowel-final stems that look like the present "-ады" (баста-ды, not баст-ады).
    r"|бастады|қолдады|жасады|атады|сатады(?=\s+алды)"
    # The past of the verbs of change on "-де/-да/-й" stems, the verbs of statistics reports, which
    # look like the present "-еді/-ады/-йды" (төменде-ді, not төменд-еді; азай-ды, not аза-йды).
    r"|төмендеді|азайды|көбейді|ұлғайды|кеңейді|жеделдеді|қымбаттады|арзандады|баяулады|тұрақтанды"
    # "құрады" (amounted to), the closing verb of statistics, is the past of "құра-"; its present is "құрайды".
    r"|құрады"
    # The past perfect and the past habitual: a participle or "-атын" form then "болатын"/"еді" ("мақұлдаған
    # болатын", had approved; "сататынбыз" is a word of its own), whatever the participle's verb.
    r"|(?<![а-яәіңғүұқөһ])[а-яәіңғүұқөһ]{2,}(?:ған|ген|қан|кен|атын|етін|йтын|йтін)\s+(?:болатын|еді)(?![а-яәіңғүұқөһ])"
    # Told that it did: the past participle with its possessive and accusative ("грант бергенін хабарлайды", reports
    # that it gave grants; "табыстағанын мәлімдейді") is what happened, whatever the tense of the verb of saying
    # after it, as "сообщает, что выдал" reports a past (set 72: a monthly report's "ақпан айында" is last February).
    r"|[а-яәіңғүұқөһ]{2,}(?:ған|ген|қан|кен)(?:дар|дер|тар|тер)?(?:ын|ін)\s+"
    r"(?:хабарлайды|хабарлады|мәлімдейді|мәлімдеді|айтады|айтты|жазады|жазды|хабарлап\s+отыр)"
)

# Kazakh puts the verb last: the last word of a sentence tells its tense when no word above did.
# Present-future "-ады/-еді/-йды" ("өтеді", "ашады"), future "-мақ/-мек"; past "-ды/-ді/-ты/-ті"
# ("өтті", "қатысты") and "-ған/-ген" participles. After "л" the ending says nothing: "келеді"
# (comes) and "аяқталады" (ends) are present, "баяулады" (slowed) and "мақұлдады" past.
# "-йды" is present after a vowel-final stem ("қарайды"); after "о/ө", which Kazakh writes only in
# a first syllable, the "й" is the stem's own and "-ды" the past ("қойды": signed, put).
# Nor after "д": no Kazakh stem ends in "д" (it is written "т" at a stem's end), so "-дады/-деді" is a "-да/-де" stem's
# past ("тасымалдады", carried; its present is "тасымалдайды"), never "-ады/-еді".
# Nor after "ст", "қт", "кт", "пт": no Kazakh stem ends in those two consonants, so "ұстады" (detained), "сақтады",
# "тоқтады", "қаптады" are the past of "-та/-те" stems ("ұстайды" is the present), where "айтады", "тартады" ("йт",
# "рт") are present. And a passive "-ыл/-іл" after a consonant, then "-ады/-еді", is the present-future whatever
# its "л" ("іске асырылады", "өткізіледі": the past is "асырылды").
KAZAKH_LAST_WORD_FUTURE = (r"[а-яёәіңғүұқөһ]+(?:(?<![лд])(?<![сқкп]т)(?:ады|еді)|(?<![оө])йды|(?<![оө])йді|мақ|мек|бақ|бек"
                           r"|пақ|пек"
                           # The same in the first and second persons: "ойнаймыз" (we play), "барамын" (I go), "ашамыз",
                           # "келесіз"; "салмақпыз" (we are to build). (Their pasts are "-дық/-дым/-дыңыз".)
                           r"|(?:(?<![оө])й|(?<![лд])(?<![сқкп]т)а|(?<![лд])(?<![сқкп]т)е)(?:мыз|міз|мын|мін|сыз|сіз)"
                           # A stem in "-й" writes its "-й" and the present's "-а" as "я": "қоямын" (I will put;
                           # "брондап қоямын", I will book), "жиямыз" (we gather); their pasts are "қойдым", "жидық".
                           r"|я(?:мыз|мын|сыз)"
                           r"|(?:мақ|мек|бақ|бек|пақ|пек)(?:пыз|піз|пын|пін|сыз|сіз))"
                           r"|[а-яёәіңғүұқөһ]{2,}[бвгғджзйклмнңпрстфхһцчшщ](?:ылады|іледі)"
                           # A root of one syllable in "-л" ("ал-", take; "кел-", come; "дем ал-", rest): "-ады/-еді"
                           # after it is the present-future, its past "алды", "келді" ("бағалады" is "бағала-" + "-ды").
                           r"|(?:дем)?(?:ал|сал|қал|тол|кел|бөл|біл|өл)(?:ады|еді|а(?:мыз|мын|сыз)|е(?:міз|мін|сіз))")
# Nor after "м": no verb stem ends in "м", so "-мды/-мді" closes on an adjective of having ("Купон 30 сәуірге дейін
# жарамды", valid until 30 April; "тиімді", "сенімді"), which says no tense.
KAZAKH_LAST_WORD_PAST = r"[а-яёәіңғүұқөһ]+(?:(?<![аем])(?:ды|ді)|дады|деді|[сқкп]т(?:ады|еді)|ты|ті|ған|ген|қан|кен)"
