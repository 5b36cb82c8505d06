"""Plain, respectful first-person sentences of a letter that ends the work with a client: the decision, the
reason as the sender's own business choice, thanks, the handover, the last invoice, good wishes.

Written for this check only and kept out of eval/labeled/ (the model never trains on them), so the count
of those the learned reader flags is an honest measure of how much it narrows what a polite letter can say.
"""

from __future__ import annotations

RESPECTFUL = {
    "en": [
        "The decision is about how I run my own business.",
        "I have genuinely enjoyed working with you.",
        "I will pass on anything you need from me.",
        "I have decided to stop taking on bookkeeping work at the end of this quarter.",
        "I am writing to let you know that I will not renew our agreement.",
        "This was not an easy decision for me to make.",
        "I am narrowing my practice to a smaller number of services.",
        "I only take on projects in the tools I know well myself.",
        "I would rather focus my time on the work I do best.",
        "My schedule next year will not leave room for this contract.",
        "I am grateful for the trust you have shown me over these years.",
        "I have learned a great deal from our work together.",
        "I will send you all the source files by the end of next week.",
        "I am happy to answer any questions during the handover.",
        "I will make sure your new provider has everything they need.",
        "I have attached the final invoice for the work completed in May.",
        "I would be grateful if you could settle the invoice by the end of the month.",
        "I will send the last statement once the final hours are logged.",
        "I wish you and your team every success with the launch.",
        "I hope the next stage of your project goes smoothly.",
        "I am glad I could be part of your first year.",
        "I will keep your records safe until you confirm they have been transferred.",
        "I can recommend two colleagues who would be a good fit for you.",
        "I will finish the current batch of translations before I step back.",
        "I want to thank you personally for your patience and kindness.",
        "I plan to close my studio to new commissions from April.",
        "I have chosen to work with fewer clients so that I can give each of them more attention.",
        "I will remain available by email until the end of the notice period.",
        "I am sorry that I cannot continue, and I appreciate your understanding.",
        "I have prepared a short summary of where everything stands.",
        "My last working day on your account will be the twentieth of June.",
        "I will return the keys and the access cards to your office manager.",
        "I would like to keep in touch, and I hope our paths cross again.",
        "I have always valued how clearly you explained what you needed.",
    ],
    "ru": [
        "Я работаю только по технологиям, которые знаю сам.",
        "Это решение связано с тем, как я веду своё дело.",
        "Я передам всё, что вам понадобится с моей стороны.",
        "Я решила не продлевать наш договор после окончания квартала.",
        "Пишу, чтобы сообщить: я завершаю работу над вашим проектом.",
        "Мне было непросто принять это решение.",
        "Я сокращаю число направлений, которыми занимаюсь.",
        "Я хочу сосредоточиться на тех задачах, которые у меня получаются лучше всего.",
        "В следующем году мой график не позволит мне вести этот договор.",
        "Я благодарна вам за доверие все эти годы.",
        "Я многому научилась за время нашей совместной работы.",
        "Я пришлю все исходные файлы до конца следующей недели.",
        "Я с радостью отвечу на любые вопросы во время передачи дел.",
        "Я прослежу, чтобы у нового подрядчика было всё необходимое.",
        "Я прикладываю последний счёт за работы, выполненные в мае.",
        "Буду признателен, если вы оплатите счёт до конца месяца.",
        "Я пришлю итоговый акт, как только закрою последние часы.",
        "Я желаю вам и вашей команде успешного запуска.",
        "Надеюсь, следующий этап вашего проекта пройдёт легко.",
        "Я рад, что смог быть частью вашего первого года.",
        "Я сохраню ваши документы, пока вы не подтвердите, что всё получили.",
        "Я могу порекомендовать двух коллег, которые вам подойдут.",
        "Я закончу текущую партию переводов, прежде чем отойти от дел.",
        "Хочу лично поблагодарить вас за терпение и доброжелательность.",
        "С апреля я не принимаю новые заказы в мастерскую.",
        "Я решил работать с меньшим числом клиентов, чтобы уделять каждому больше внимания.",
        "Я останусь на связи по почте до конца срока уведомления.",
        "Мне жаль, что я не могу продолжить, и я ценю ваше понимание.",
        "Я подготовила краткую сводку о том, где сейчас находятся все дела.",
        "Мой последний рабочий день по вашему проекту — двадцатое июня.",
        "Я верну ключи и пропуска вашему офис-менеджеру.",
        "Я бы хотел остаться на связи и надеюсь, что мы ещё встретимся.",
        "Мне всегда нравилось, как ясно вы объясняли, что вам нужно.",
        "Я сама веду бухгалтерию и поэтому беру ограниченное число клиентов.",
    ],
}

# First-person sentences that are hostile all the same: the pronoun is not what makes a sentence hostile.
HOSTILE = {
    "en": [
        "I am sick of chasing you for the same documents every single month.",
        "I have had enough of your endless excuses.",
        "I refuse to waste any more of my time on your disorganised team.",
        "Frankly, I regret ever agreeing to work with people like you.",
    ],
    "ru": [
        "Я устала бегать за вами за одними и теми же документами каждый месяц.",
        "Мне надоели ваши бесконечные отговорки.",
        "Я не собираюсь больше тратить время на вашу бестолковую команду.",
        "Честно говоря, я жалею, что вообще связался с такими людьми, как вы.",
    ],
}
