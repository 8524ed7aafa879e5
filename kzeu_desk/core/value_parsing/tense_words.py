"""Words that say whether a sentence reports what happened or announces what will happen, in
English, Russian and Kazakh. A day or month written without a year is dated by them: an announced
event lies after the publication date, a reported one before it.

Data only (regex fragments); `dates.anchored_year` reads them. Only words that are a verb form
and nothing else are listed: a Kazakh "-ды" ending is as often an accusative noun ("долларды") as
a past verb, so the Kazakh lists are words, not endings.
"""

from __future__ import annotations

ENGLISH_FUTURE = (
    r"will|shall|is\s+to|are\s+to|is\s+scheduled|are\s+scheduled|scheduled\s+for|is\s+expected|are\s+expected"
    r"|is\s+planned|are\s+planned|plans?\s+to|planning\s+to|is\s+due|are\s+due|due\s+to\s+(?:be|start|open|take)"
    r"|upcoming|forthcoming|next"
)
ENGLISH_PAST = (
    r"was|were|had|did|took\s+place|met|signed|held|announced|adopted|approved|visited|opened|launched"
    r"|said|reported|reached|agreed|concluded|discussed|ended|began|started"
)
RUSSIAN_FUTURE = (
    r"будет|будут|состоится|состоятся|пройдет|пройдёт|пройдут|планирует(?:ся)?|планируют|планируется"
    r"|намерен[аы]?|ожидается|ожидаются|предстоит|предстоящ\w*|начнется|начнётся|вступит|откроется|стартует"
    r"|продлится|запланирован\w*"
)
RUSSIAN_PAST = (
    r"состоял(?:ся|ась|ось|ись)|прош[её]л|прошл[аио]|подписал[аи]?|подписан[аоы]?|принял[аи]?|принят[аоы]?"
    r"|провел[аи]?|провёл|посетил[аи]?|заявил[аи]?|отметил[аи]?|сообщил[аи]?|объявил[аи]?|открыл[аи]?(?:сь)?"
    r"|встретил(?:ся|ись)|обсудил[аи]?|одобрил[аи]?|утвердил[аи]?|начал(?:ся|ись|ась)?|завершил(?:ся|ись|ась)?"
    r"|был[аио]?"
)
KAZAKH_FUTURE = (
    r"өтеді|өтпек|болады|болмақ|өткізіледі|өткізілмек|басталады|ашылады|жалғасады|жоспарлануда|жоспарлап"
    r"|жоспарланған|жоспарланып|күтілуде|күтіледі|тиіс|алдағы|келесі|қол\s+қойылады|қабылданады"
)
KAZAKH_PAST = (
    r"өтті|болды|өткен|өткізілді|қойылды|қабылданды|басталды|ашылды|жасалды|мақұлдады|келісті|кездесті"
    r"|қатысты|хабарлады|мәлімдеді|жариялады|талқылады|бекітті|аяқталды"
)
