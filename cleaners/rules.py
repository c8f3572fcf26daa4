"""Site knowledge as data: boilerplate phrases and markup, grouped by the reason a block is removed.

Every removal the cleaner makes names one of these reasons (or a measured signal such as
`link-density 0.82`), so `scrape explain` can say why a line vanished. Add a phrase or a
class token here, with a must/must-not case in tests/test_rules.py, never an `if` in code.
"""
from __future__ import annotations

# Whole-block phrases: a block whose entire text (case-folded, trailing ":…. ›»→" stripped) is one
# of these is boilerplate. Several languages each; keep entries lower-case.
PHRASES: dict[str, list[str]] = {
    "continue-reading": [
        "continue reading", "read more", "read full story", "read the full story", "read full article",
        "full story", "keep reading", "show more", "load more", "view more", "more stories",
        "weiterlesen", "mehr lesen", "mehr anzeigen", "lire la suite", "en savoir plus", "voir plus",
        "seguir leyendo", "leer más", "ver más", "continua a leggere", "leggi tutto", "leia mais",
        "continue lendo", "lees verder", "czytaj dalej", "читать далее", "читать полностью",
        "devamını oku", "اقرأ المزيد", "المزيد", "阅读全文", "查看更多", "続きを読む", "もっと見る", "더보기",
    ],
    "comment-prompt": [
        "click to comment", "leave a reply", "leave a comment", "post a comment", "add a comment",
        "add comment", "write a comment", "join the discussion", "join the conversation", "comments",
        "no comments", "no comments yet", "be the first to comment", "show comments", "view comments",
        "cancel reply", "post comment", "submit comment", "you must be logged in to post a comment",
        "your email address will not be published", "required fields are marked *",
        "your email address will not be published. required fields are marked *",
        "save my name, email, and website in this browser for the next time i comment",
        "kommentar schreiben", "kommentare", "kommentar verfassen", "keine kommentare", "bisher keine kommentare",
        "noch keine kommentare", "aktuelle kommentare", "neueste kommentare", "laisser un commentaire",
        "aucun commentaire", "recent comments", "latest comments", "sin comentarios", "nessun commento",
        "commentaires", "ajouter un commentaire", "deja un comentario", "dejar un comentario",
        "comentarios", "lascia un commento", "commenti", "deixe um comentário", "комментарии",
        "أضف تعليق", "اترك تعليقاً", "التعليقات", "发表评论", "评论", "コメントする", "コメント",
    ],
    "related-heading": [
        "more", "read more", "related", "related articles", "related stories", "related posts",
        "related news", "related content", "related coverage", "related topics", "read also",
        "also read", "see also", "read next", "up next", "what to read next", "more on this story",
        "read this next", "read these next", "keep reading", "more stories", "more articles", "related reading",
        "you may be interested in", "you might be interested in", "more like this", "you may also enjoy",
        "similar articles", "similar posts", "related reads", "more buying guides",
        "more from", "more news", "you may also like", "you might also like", "you may like",
        "recommended", "recommended for you", "recommended stories", "editor's picks", "don't miss",
        "lesen sie auch", "auch interessant", "mehr zum thema", "das könnte sie auch interessieren",
        "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "sur le même sujet",
        "lee también", "lea también", "te puede interesar", "le puede interesar", "noticias relacionadas",
        "notas relacionadas", "contenido relacionado", "artículos relacionados", "relacionados",
        "schon gelesen", "auch lesen", "zum weiterlesen", "weitere artikel", "weitere beiträge", "weitere themen",
        "mehr themen", "weitere aktuelle themen", "weitere aktuelle artikel", "weitere aktuelle beiträge",
        "entdecke weitere", "entdecken sie weitere", "vorschau auf den nächsten artikel", "empfohlene beiträge",
        "das könnte dich auch interessieren", "explore further",
        "das thema könnte dich auch interessieren", "diese artikel könnten dich auch interessieren",
        "más información", "más sobre", "lue seuraavaksi", "lue myös",
        "further reading", "further information", "more information", "weitere informationen", "articles similaires",
        "dans la même rubrique",
        "leggi anche", "articoli correlati", "leia também", "veja também", "lees ook",
        "czytaj także", "czytaj też", "zobacz też", "zobacz także", "przeczytaj też", "przeczytaj także",
        "читайте также", "ayrıca okuyun", "اقرأ أيضا", "اقرأ أيضاً", "مواضيع ذات صلة",
        "相关阅读", "相关新闻", "相关文章", "関連記事", "関連ニュース", "관련기사",
    ],
    "most-read": [
        "trending", "trending now", "trending stories", "most read", "most popular", "most viewed",
        "most shared", "popular", "popular posts", "popular stories", "top stories", "latest news",
        "latest stories", "latest posts", "recent posts", "editor's choice",
        "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "beliebt", "neueste artikel",
        "les plus lus", "articles les plus lus", "les plus populaires", "meistgelesene", "meist-diskutiert",
        "populäre artikel", "à la une", "lo más leído", "lo más visto", "más leídas",
        "i più letti", "mais lidas", "самое читаемое", "الأكثر قراءة", "الأكثر مشاهدة", "最新文章",
        "热门文章", "热门排行", "热点新闻", "人気記事", "アクセスランキング",
    ],
    "social": [
        "connect with us", "follow us", "follow us on", "share", "share this", "share this article",
        "share this story", "share this post", "follow us on facebook", "follow us on twitter",
        "follow us on instagram", "pin for later", "pin this", "save for later", "share on facebook", "share on twitter", "share on x",
        "share on whatsapp", "share on linkedin", "share via email", "tweet", "pin it", "email",
        "print", "copy link", "folgen sie uns", "teilen", "artikel teilen", "partager",
        "partager cet article", "suivez-nous", "compartir", "síguenos", "condividi", "seguici",
        "compartilhar", "поделиться", "شارك", "تابعنا", "分享", "シェア", "シェアする", "扫码关注公众号",
        "扫码关注", "关注我们",
    ],
    "newsletter": [
        "subscribe", "subscribe now", "sign up", "sign up now", "subscribe to our newsletter",
        "sign up for our newsletter", "get our newsletter", "newsletter", "join our newsletter",
        "enter your email address", "newsletter abonnieren", "jetzt abonnieren",
        "abonnez-vous à notre newsletter", "inscrivez-vous à la newsletter", "suscríbete",
        "suscríbete a nuestro boletín", "iscriviti alla newsletter", "اشترك في النشرة البريدية",
        "订阅", "メールマガジン登録",
    ],
    "cookie-notice": [
        "we use cookies", "this website uses cookies", "this site uses cookies", "accept cookies",
        "accept all cookies", "cookie settings", "cookie policy", "manage cookies", "accept", "accept all",
        "i agree", "got it", "diese website verwendet cookies", "alle akzeptieren",
        "ce site utilise des cookies", "tout accepter", "este sitio web utiliza cookies", "aceptar",
    ],
    "table-of-contents": [
        "table of contents", "contents", "in this article", "on this page", "jump to", "jump to section",
        "article contents", "inhaltsverzeichnis", "inhalt", "sommaire", "índice", "indice", "índice de contenidos",
        "contenuti", "inhoudsopgave", "spis treści", "содержание", "目次", "目录",
    ],
    "tag-list": [   # a label whose links follow: the page's tags or categories
        "tags", "tagged", "tagged with", "topics", "categories", "category", "filed under", "posted in",
        "schlagwörter", "schlagworte", "stichwörter", "themen", "kategorien", "kategorie", "étiquettes",
        "mots-clés", "mots clés", "thèmes", "etiquetas", "temas", "categorías", "argomenti", "tagi",
    ],
    "post-navigation": [
        "previous article", "next article", "previous post", "next post", "previous story", "next story",
        "back to blog", "back to blogs", "back to the blog", "back to news", "back to all posts", "back to top",
        "blog index", "jump to recipe", "print recipe", "zurück", "zurück zur übersicht", "zurück zur liste",
        "zurück zur vorherigen seite", "vorheriger artikel", "nächster artikel", "article précédent",
        "article suivant", "retour à la liste", "artículo anterior", "artículo siguiente", "volver arriba",
    ],
    "copyright": [
        "copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "tutti i diritti riservati", "wszelkie prawa zastrzeżone",
    ],
    "legal-links": [
        "privacy policy", "privacy", "terms of use", "terms of service", "terms and conditions", "cookie policy",
        "cookie settings", "sitemap", "imprint", "impressum", "datenschutz", "datenschutzerklärung",
        "mentions légales", "politique de confidentialité", "aviso legal", "política de privacidad",
    ],
    "skip-link": [
        "skip to main content", "skip to content", "skip to navigation", "skip to footer", "skip navigation",
        "zum inhalt springen", "direkt zum inhalt", "aller au contenu", "passer au contenu", "ir al contenido",
        "saltar al contenido", "vai al contenuto", "pular para o conteúdo",
    ],
    "account": [
        "sign in", "log in", "log out", "my account", "anmelden", "einloggen", "se connecter",
        "connexion", "iniciar sesión", "accedi", "entrar",
    ],
    "embed-placeholder": [
        "loading", "please wait", "view this post on instagram", "view this profile on instagram",
        "sieh dir diesen beitrag auf instagram an", "diesen beitrag auf instagram ansehen",
        "voir cette publication sur instagram", "ver esta publicación en instagram",
        # an image viewer's button
        "view image", "show image", "enlarge image", "click to enlarge", "view larger image", "view full size",
        "bild anzeigen", "bild vergrößern", "zum vergrößern klicken", "agrandir l'image", "ver imagen",
        "ampliar imagen",
        # and its other buttons: closing the viewer, opening the whole gallery
        "close image", "close gallery", "view all images", "view all photos", "show all images", "view gallery",
        "bild schließen", "bild schliessen", "galerie schließen", "alle bilder anzeigen", "alle fotos anzeigen",
        "fermer l'image", "voir toutes les photos", "cerrar imagen", "ver todas las fotos",
    ],
    "advertisement": [
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
        "paid content", "promoted", "scroll to continue with content", "story continues below advertisement",
        "article continues below", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
        "publicidade", "реклама", "إعلان", "广告", "広告", "スポンサーリンク",
    ],
    "call-to-action": [   # a button's label ("Learn more" and "Get started" stay: some pages' text ends so)
        "download now", "book a demo", "request a demo", "schedule a demo", "get a demo", "get started today",
        "start your free trial", "start free trial", "try it free", "buy now", "shop now", "order now",
        "sign up now", "join now", "jetzt kaufen", "jetzt bestellen", "acheter maintenant", "comprar ahora",
        "share your story",
    ],
    "byline-label": [   # a byline's or date stamp's label left alone on its line (the name or date went elsewhere)
        "written by", "posted by", "posted on", "published", "published on", "published by", "author", "authors",
        "last updated", "last updated on", "geschrieben von", "veröffentlicht am", "autor", "auteur", "publié le",
        "publicado el", "publicado por", "escrito por", "pubblicato il", "scritto da",
    ],
    "reading-time": [
        "reading time", "estimated reading time", "read time", "lesezeit", "lesedauer", "geschätzte lesezeit",
        "temps de lecture", "tiempo de lectura", "tempo di lettura", "tempo de leitura", "czas czytania", "leestijd",
        "ten tekst przeczytasz w", "ten tekst przeczytasz w mniej niż minutę",
    ],
}

# A relative date stamp alone on its line ("3 days ago", "vor 2 Stunden", "il y a 5 jours", "hace 3 horas"): a
# dateline. The number comes between "before" and the unit, or between the unit and "after".
RELATIVE_TIME = {
    "units": ["second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
              "day", "days", "week", "weeks", "month", "months", "year", "years", "sekunden", "minuten",
              "stunde", "stunden", "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren",
              "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "minuto", "minutos",
              "hora", "horas", "día", "días", "semana", "semanas", "mes", "meses", "año", "años"],
    "before": ["vor", "il y a", "hace", "updated", "posted", "published", "aktualisiert"],
    "after": ["ago"],
    "numbers": ["a", "an", "one", "einem", "einer", "un", "une", "una", "uno"],
}

# A closing line that sends the reader to the site's accounts elsewhere ("Follow The Gleaner on Twitter",
# "síguenos en Telegram", "download our apps for iOS and Android", "nuestro canal de YouTube"): removed as
# `social` when it stands among the article's last lines. A follow verb (or channel word) within a few words
# of a network's name; the download phrase needs the app's platforms. paragraphs.py builds the patterns.
SOCIAL_FOLLOW = {
    "verbs": ["follow", "folge", "folgt", "folgen sie", "síguenos", "siguenos", "síganos", "sigue", "seguir",
              "sígueme", "suivez", "suivez-nous", "suivre", "seguici", "segui", "siga", "like us"],
    "channel": ["canal", "channel", "kanal", "chaîne"],
    "networks": ["facebook", "twitter", "instagram", "telegram", "youtube", "tiktok", "whatsapp", "linkedin",
                 "pinterest", "google news", "bluesky", "mastodon", "threads"],
    "download": ["download", "descarga", "descargue", "baixe", "lade", "laden sie", "téléchargez"],
    "platforms": ["ios", "android", "app store", "google play"],
}

# Openings of a closing line that asks the reader to sign up or buy ("Sign up today and ...", "Book a demo with
# Otter", "Free 14-day trial. No credit card required."): removed as `call-to-action` among the article's last
# lines. "Ready to ..." and "Learn more about ..." stay: articles close with them too.
SIGN_OFF_CTA = ["sign up", "signup", "subscribe to", "subscribe now", "join our", "book a demo", "book a call",
                "book a free", "request a demo", "request a quote", "start a free", "start your free", "start building",
                "free trial", "explore more", "jetzt anmelden", "jetzt registrieren", "melde dich", "melden sie sich",
                "abonniere", "abonnieren sie", "inscrivez-vous", "abonnez-vous", "suscríbete", "regístrate"]

# The heading of a press or contact block that closes an article ("Pressekontakt:", "Ansprechpartnerin zum
# Thema:", "Media contact"): with the short lines under it (names, address, phone, email) it is removed as
# `contact-block` when it stands among the article's last lines and a phone number or address follows.
CONTACT_HEADINGS = ["contact", "contacts", "media contact", "media contacts", "press contact", "press contacts",
                    "for more information contact", "kontakt", "pressekontakt", "pressekontakte", "medienkontakt",
                    "ansprechpartner", "ansprechpartnerin", "ansprechpartner zum thema", "ansprechpartnerin zum thema",
                    "für rückfragen", "rückfragen", "pressestelle", "contact presse", "contact média",
                    "contacto de prensa", "contacto", "contatto stampa", "kontakt dla mediów"]

# The heading of a box about the author or the series that closes an article ("About the Author:", "Über die
# Autorin", "Über diese Reihe"): with the few lines under it (the bio) it is removed as `author-box` when it
# stands among the article's last lines. "About us" is not one: it heads the page of a company's own story.
AUTHOR_BOX_HEADINGS = ["about the author", "about the authors", "about the writer", "meet the author", "author bio",
                       "über den autor", "über die autorin", "über die autoren", "zum autor", "zur autorin",
                       "zu den autoren", "über diese reihe", "about this series", "à propos de l'auteur",
                       "à propos de l'autrice", "sobre el autor", "sobre la autora", "sobre o autor", "o autorze"]

# Words of a closing line that offers the site's newsletter ("Get the best of ... delivered to your inbox",
# "Dann abonnieren Sie unseren Newsletter!", "Thanks for subscribing!"): removed as `newsletter` among the
# article's last lines. "Subscriber" alone is not one: a post may close by thanking its own.
NEWSLETTER_SIGN_OFF = ["your inbox", "in deinen posteingang", "in ihren posteingang", "in ihr postfach",
                       "in dein postfach", "our newsletter", "our email newsletter", "unseren newsletter",
                       "unserem newsletter", "notre newsletter", "nuestro newsletter", "nuestra newsletter",
                       "newsletter-anmeldung", "newsletter anmeldung", "thanks for subscribing", "you're subscribed",
                       "you’re subscribed"]

# A line anywhere in the text that offers the site's newsletter: a newsletter word and a sign-up word together
# ("Join Our Genius Newsletter", "Subscribe to our best newsletters", "Thanks for subscribing! Look out for your
# first newsletter in your inbox") or words for the site's mailings, short, and not the writer's own words ("the newsletters I subscribe to"):
# removed as `newsletter`. A line about newsletters without a sign-up word stays.
NEWSLETTER_OFFER = {
    "newsletter": ["newsletter", "newsletters", "e-newsletter", "boletín", "infolettre", "lettre d'information"],
    "sign_up": ["subscribe", "subscribing", "sign up", "signing up", "sign-up", "join", "delivered", "inbox",
                "abonnieren", "abonniere", "anmelden", "abonnez-vous", "inscrivez-vous", "suscríbete", "suscribirse",
                "iscriviti"],
    # said of the site's mailings, these need no newsletter word ("The best of the Times, delivered to your inbox")
    "inbox": ["delivered to your inbox", "delivered right to your inbox", "delivered straight to your inbox",
              "delivered directly to your inbox", "straight to your inbox", "direkt in ihr postfach",
              "direkt in dein postfach", "directement dans votre boîte"],
}

# A page template's dummy text, left in a block the site never filled: removed as `placeholder` wherever it stands.
PLACEHOLDER_TEXT = ["lorem ipsum", "dolor sit amet"]

# Class words of site builders' content boxes that trafilatura's name rules take for boilerplate (its tokens
# match inside words): Statamic's "bard" rich text ("bar", as in navbar), HubSpot's rich-text and layout
# wrappers ("widget"). With article prose in it such a box loses the word before extraction
# (extract.keep_prose_boxes; any word with "embed" too, as Webflow's "w-embed"). Elementor's widget boxes are
# not among them: trafilatura reads those well, and without their names it took the wrong container.
CONTENT_BOX_WORDS = ["bard", "hs_cos_wrapper_widget", "hs_cos_wrapper_meta_field", "widget-span", "widget-type-cell"]

# The quotation marks a browser draws around an inline quotation (<q>), by the page's language (the primary
# subtag of its lang attribute); "" for any other language (cleaners/faithful_text.py).
QUOTATION_MARKS = {
    "": ("\u201c", "\u201d"),
    **dict.fromkeys(("de", "cs", "sk", "sl", "lt", "et", "bg", "is"), ("\u201e", "\u201c")),
    **dict.fromkeys(("pl", "hu", "ro", "hr"), ("\u201e", "\u201d")),
    **dict.fromkeys(("fr", "es", "it", "pt", "ru", "uk", "el", "nb", "no"), ("\u00ab", "\u00bb")),
    **dict.fromkeys(("sv", "fi"), ("\u201d", "\u201d")),
    "ja": ("\u300c", "\u300d"),
}

# A recipe's ingredients heading: where ingredients taken from the page's JSON-LD go (cleaners/recipe.py).
INGREDIENT_HEADINGS = ["ingredients", "ingredient list", "what you need", "you will need", "zutaten",
                       "ingrédients", "ingredientes", "ingredienti", "składniki", "ingrediënten", "ингредиенты",
                       "材料", "食材"]

# A count left alone on its line ("1,693 views", "12 Kommentare", "3 likes"): a widget's counter. Lines under 40
# characters, the whole line a number and one of these words.
COUNTER_WORDS = ["views", "view", "reads", "likes", "like", "shares", "comments", "comment", "replies", "aufrufe",
                 "kommentare", "kommentar", "vues", "commentaires", "visitas", "vistas", "comentarios",
                 "visualizzazioni", "commenti", "wyświetleń", "komentarzy", "просмотров", "комментариев"]

# A reading-time stamp ("6 min read", "Lesezeit: 3 Minuten", "Mar 7, 2026 | 4 min read"): the words around
# its number, as data; paragraphs.py builds the pattern. Only lines under 80 characters.
READING_TIME = {
    "minutes": ["min", "mins", "minute", "minutes", "minuten", "minutos", "minuti", "minut", "minuty", "minuter"],
    "read": ["read", "reading", "read time", "de lecture", "de lectura", "di lettura", "de leitura", "czytania",
             "lesezeit", "leestijd", "läsning"],
    "about": ["ca.", "ca", "etwa", "about", "approx.", "environ", "aprox.", "~"],
}

# Opening words of a block that is boilerplate whatever follows (e.g. "Read more: <headline>").
PREFIXES: dict[str, list[str]] = {
    "related-link": [
        "read more:", "more:", "related:", "read also:", "also read:", "see also:", "read next:",
        "recommended:", "lesen sie auch:", "mehr zum thema:", "lire aussi :", "lire aussi:",
        "à lire aussi :", "à lire aussi:", "voir aussi :", "lee también:", "lea también:", "lea más:", "lee más:",
        "ver también:", "puedes ver:", "te puede interesar:", "le puede interesar:", "auch lesen:", "mehr themen:",
        "lea:", "lee:", "mira:", "mire:", "vea:", "lea además:", "lee además:", "te recomendamos:", "leia mais:",
        "lies auch:", "weiterlesen:",
        "schon gelesen?", "zum weiterlesen:", "lesen sie hier:", "vea también", "lee también", "lea también",
        "ver también", "dowiedz się więcej:",
        "leggi anche:", "leia também:", "czytaj też:", "czytaj także:", "zobacz też:", "zobacz także:", "اقرأ أيضا:", "相关阅读：", "関連記事：",
    ],
    "post-navigation": [   # followed by the other post's title
        "next article:", "previous article:", "next post:", "previous post:", "next story:", "previous story:",
        "nächster artikel:", "vorheriger artikel:", "nächster beitrag:", "vorheriger beitrag:", "article suivant :",
        "article suivant:", "article précédent :", "article précédent:", "artículo siguiente:", "artículo anterior:",
    ],
    "comment-prompt": [
        "did you make this recipe", "did you make one of my recipes", "have you tried this recipe",
        "hast du das rezept ausprobiert", "hast du dieses rezept ausprobiert",
        "your email address will not be published", "you must be logged in to post",
        "ihre e-mail-adresse wird nicht veröffentlicht", "votre adresse e-mail ne sera pas publiée",
        "tu dirección de correo electrónico no será publicada", "il tuo indirizzo email non sarà pubblicato",
        "لن يتم نشر عنوان بريدك الإلكتروني", "you must be logged in", "du musst eingeloggt sein",
        "du musst angemeldet sein", "sie müssen eingeloggt sein", "sie müssen angemeldet sein",
        "sie sind aktuell nicht eingeloggt", "keine kommentare", "vous devez être connecté",
        "debes iniciar sesión para", "devi essere connesso",
        "comments are moderated", "all comments are moderated", "kommentare werden moderiert",
        "les commentaires sont modérés", "los comentarios son moderados",
    ],
    "paywall": [
        "to view the full story", "to continue reading", "to read the full story", "to read the full article",
        "already a subscriber?", "if you're seeing this message", "if you’re seeing this message",
        "first-time subscribers", "subscribe now", "subscribe today", "become a member", "pour lire la suite",
        "pour accéder en illimité", "la suite est réservée", "cet article est réservé aux abonnés",
        "weiterlesen mit", "jetzt abonnieren", "dieser artikel ist exklusiv für abonnenten",
        "para seguir leyendo", "suscríbete", "hazte miembro", "este contenido es exclusivo para suscriptores",
    ],
    "cookie-notice": [
        "we use cookies", "this website uses cookies", "this site uses cookies", "by continuing to use this site",
        "by using this site, you agree", "diese website verwendet cookies", "wir verwenden cookies",
        "ce site utilise des cookies", "nous utilisons des cookies", "utilizamos cookies",
        "este sitio web utiliza cookies", "questo sito utilizza cookie", "our site uses cookies",
        "auf unserer website werden cookies", "this feature is not available with your current cookie settings",
    ],
    "embed-placeholder": [   # what stands in for an embed until the reader consents to load it
        "empfohlener redaktioneller inhalt", "an dieser stelle finden sie einen externen inhalt",
        "klicken sie auf den unteren button, um den inhalt", "klicken sie auf den button, um den inhalt",
        "mit dem laden des inhalts akzeptieren sie", "wir würden hier gerne", "wir würden ihnen hier gerne",
    ],
    "newsletter": [
        "sign up for our newsletter", "sign up for our free", "subscribe to get", "sign up to get", "subscribe to our newsletter", "get the latest news delivered",
        "sign up to receive", "melden sie sich für unseren newsletter", "abonnez-vous à notre newsletter",
        "suscríbete a nuestro boletín", "zum newsletter anmelden", "never miss the latest",
        "newsletter abonnieren", "inscrivez-vous à notre newsletter",
    ],
    "donation-appeal": [   # the site asks its readers for money or membership
        "if you enjoyed reading this post", "if you enjoyed reading this article", "if you enjoyed this article",
        "if you value our journalism", "support our journalism", "support independent journalism",
        "support quality journalism", "please support our", "make a donation", "donate now", "donate today",
        "become a supporter", "become a patron", "wenn ihnen unser artikel gefallen hat",
        "wenn dir unser artikel gefallen hat", "unterstützen sie diese form", "unterstützen sie unseren journalismus",
        "unterstützen sie unabhängigen journalismus", "unterstützen sie uns", "unterstütze uns", "jetzt spenden",
        "ihr beitrag hilft", "apoya el periodismo", "apóyanos", "hazte socio", "hazte socia",
        "soutenez notre journalisme", "soutenez-nous", "faites un don", "sostieni il nostro giornalismo",
        "wesprzyj nas", "this story is funded by readers", "this article is funded by readers",
    ],
    "tag-list": [
        "tags:", "tagged:", "tagged with:", "categories:", "category:", "filed under:", "posted in:",
        "schlagwörter:", "schlagworte:", "stichwörter:", "kategorien:", "kategorie:", "étiquettes :",
        "étiquettes:", "mots-clés :", "mots-clés:", "etiquetas:", "temas:", "categorías:", "argomenti:", "tagi:",
    ],
    "affiliate-disclosure": [
        "as an amazon associate", "affiliate disclosure", "advertiser disclosure",
        "this post may contain affiliate links", "this post contains affiliate links",
        "this article contains affiliate links", "this page contains affiliate links",
        "this article may contain affiliate links", "we may earn a commission", "we may earn commission",
        "if you buy through", "if you make a purchase through", "if you purchase through",
        "anzeige, enthält affiliate links", "anzeige, enthält affiliate-links", "enthält affiliate links",
        "*werbung", "werbung:", "dieser beitrag enthält werbung", "dieser artikel enthält werbung",
        "dieser post enthält werbung", "unbezahlte werbung", "unbeauftragte werbung", "*anzeige",
        "enthält affiliate-links", "dieser beitrag enthält affiliate", "dieser artikel enthält affiliate",
        "bei den verlinkungen handelt es sich um", "bei den mit * markierten links handelt es sich um",
        "cet article contient des liens affiliés", "este artículo contiene enlaces de afiliados",
    ],
    "copyright": [
        "©", "copyright ©", "copyright (c)", "copyright:", "copyright 1", "copyright 2",
    ],
    "credit-line": [   # short editor/source credits (only on lines under 80 characters)
        "责任编辑：", "责任编辑:", "编辑：", "来源：", "source:", "quelle:", "editor:", "edited by ", "redaktion:",
        "photo:", "foto:", "image:", "bild:", "crédit photo", "photo credit", "written by ", "reviewed by ",
        "fact checked by ", "medically reviewed by ", "crédits photos", "titelbild:", "beitragsbild:",
        "credit:", "credits:", "image credit:", "bildquelle:", "bildnachweis:", "fotocredit:", "symbolbild:",
        "symbolgrafik:", "crédit:", "crédits:", "image illustrative:",
    ],
    "byline-repeat": ["by ", "von ", "par ", "por ", "di ", "door "],   # only with a known author name
}

# a disclosure's label, then words about affiliate links ("Disclosure: some of my posts contain affiliate
# links ...", "Disclaimer: ... I may earn commissions"): the site's affiliate notice, whatever follows the label.
# A disclosure without such words (a sponsor named, a medical disclaimer) stays: the corpora count those as text.
DISCLOSURE_LABELS = ["disclosure", "disclaimer", "affiliate disclosure", "transparency", "transparenz", "hinweis",
                     "werbehinweis", "divulgación", "aviso"]
AFFILIATE_WORDS = ["affiliate", "commission", "qualifying purchases", "provision", "comisión"]

# picture agencies and stock libraries: a short line that ends with one, after a separator or "via"
# ("Firn | Getty Images", "Travnikov/Shutterstock", "SolStock/E+ via Getty Images"), is a picture's credit
PICTURE_AGENCIES = ["getty images", "gettyimages", "shutterstock", "shutterstock.com", "istock", "istockphoto",
                    "adobe stock", "adobestock", "unsplash", "pexels", "pixabay", "alamy", "dreamstime",
                    "depositphotos", "picture alliance", "picture-alliance", "imago images", "freepik"]

# class/id tokens (matched as whole words inside the attribute, case-insensitive) that mark a block
# as boilerplate; the cleaner never removes a block holding most of the article's text.
MARKUP_TOKENS: dict[str, list[str]] = {
    "comments": [
        "comments", "comment-list", "commentlist", "comments-area", "comment-section", "comments-section",
        "disqus_thread", "comment-content", "user-comments", "reader-comments", "talk", "coral",
    ],
    "comment-form": ["respond", "comment-respond", "comment-form", "commentform", "reply-form", "comment-reply"],
    "share-bar": [
        "share", "sharing", "share-bar", "share-buttons", "sharedaddy", "social-share", "share-tools",
        "social-links", "social-icons", "socials", "addtoany", "a2a_kit", "shariff", "soc-wrap",
        "post-soc", "fly-soc", "social-buttons", "share-links",
    ],
    "related-list": [
        "related", "related-posts", "related-articles", "related-stories", "related-content", "yarpp",
        "jp-relatedposts", "more-stories", "read-more-links", "read-next", "recommended", "recirculation",
        "outbrain", "taboola", "also-read", "more-on", "crp_related",
    ],
    "most-read": ["trending", "most-read", "mostread", "most-popular", "popular-posts", "top-stories", "widget_recent"],
    "newsletter": ["newsletter", "subscribe", "subscription", "signup", "sign-up", "mailchimp", "optin", "cta",
                   "call-to-action"],
    "cookie-notice": ["cookie", "cookies", "cookie-banner", "cookie-notice", "consent", "gdpr", "cmpbox"],
    "advertisement": [
        "ad", "ads", "advert", "advertisement", "ad-slot", "ad-container", "adsbygoogle", "ad-unit",
        "sponsored", "dfp", "banner-ad", "google-ad",
    ],
    "navigation": ["breadcrumb", "breadcrumbs", "pagination", "nav", "navbar", "menu", "skip-link", "post-navigation"],
    "sidebar": ["sidebar", "side-widget", "widget-area", "sidebar-widget"],
    "site-footer": ["footer", "site-footer"],
    "author-box": ["author-bio", "author-box", "about-author", "author-info-box"],
    "affiliate-disclosure": ["disclosure", "disclaimer", "affiliate-disclosure", "affiliate-disclaimer"],
    "credit-line": ["copyright", "photo-credit", "image-credit", "imagedescription"],
    "continue-reading": ["cont-read", "read-more", "more-link", "continue-reading"],
}

# class/id tokens of a standfirst (the lead under the headline): it stays in the text (both public corpora
# count it as article text) and fills `description` when the page has no meta description.
STANDFIRST_TOKENS = ["standfirst", "lead", "lede", "subtitle", "sub-title", "subheadline", "sub-headline", "dek",
                     "deck", "summary", "intro", "vorspann", "teaser-text", "chapeau", "chapo", "entradilla",
                     "sumario", "sommario", "occhiello", "article-lead", "entry-sub-title", "abstract", "preface",
                     "teasertext", "leadtext", "introduction", "documentdescription"]

# Semantic markup that is boilerplate by definition of the element or its ARIA role.
SEMANTIC: dict[str, list[str]] = {
    "navigation": ["nav", "[role=navigation]", "[role=menubar]", "[role=menu]"],
    "sidebar": ["aside", "[role=complementary]"],
    "site-header": ["[role=banner]"],
    "site-footer": ["[role=contentinfo]"],
    "cookie-notice": ["[role=dialog]", "[role=alertdialog]"],
    "comments": ["[itemprop=comment]", "[itemtype*=Comment]"],
    "form": ["form", "button", "select", "textarea", "input"],
    "script": ["script", "style", "noscript", "template", "iframe", "svg", "canvas"],
}

# A list or block this link-heavy, with at least LINK_LIST_MIN_LINKS links, is a list of other pages.
LINK_DENSITY_MAX = 0.6
LINK_LIST_MIN_LINKS = 3

# The name of January in the languages above (and a few more): htmldate turns a footer's copyright
# year into January 1st, so a January 1st date is kept only where the page names that month.
JANUARY_NAMES = ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
                 "janeiro", "januari", "stycznia", "styczeń", "января", "январь", "ledna", "leden", "ocak",
                 "tammikuuta", "januára", "január"]

# Words of a section's title ("Latest News", "Archive", "Topics: Climate"): a short page title with one of
# them names a listing, not an article (a page-kind feature, weighed by the model like any other).
LISTING_TITLE_WORDS = {"news", "latest", "archive", "archives", "topic", "topics", "category", "categories", "tag",
                       "tags", "articles", "stories", "posts", "blog", "updates", "releases", "coverage", "nachrichten",
                       "aktuelles", "archiv", "themen", "actualités", "actualites", "noticias", "notizie",
                       "articoli", "notícias", "nieuws", "wiadomości", "новости", "haberler", "uutiset"}

# Month names (and their usual abbreviations and genitive forms) for the text dates htmldate's own
# patterns leave to a free-text parser: "15 августа 2016", "4 de mayo de 2022", "Dec. 19, 2025".
MONTH_NAMES = [
    JANUARY_NAMES,
    ["february", "feb", "februar", "feber", "février", "fevrier", "févr", "febrero", "febbraio", "fevereiro", "fev",
     "februari", "lutego", "luty", "февраля", "февраль", "фев", "února", "únor", "şubat", "helmikuuta", "februára",
     "február"],
    ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marca", "marzec", "марта", "март",
     "března", "březen", "mart", "maaliskuuta", "március"],
    ["april", "apr", "avril", "abril", "abr", "aprile", "kwietnia", "kwiecień", "апреля", "апрель", "апр", "dubna",
     "duben", "nisan", "huhtikuuta", "apríla", "április"],
    ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "мая", "май", "května", "květen", "mayıs",
     "toukokuuta", "mája", "május"],
    ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "июня", "июнь", "června",
     "červen", "haziran", "kesäkuuta", "júna", "június"],
    ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca", "lipiec", "июля", "июль",
     "července", "červenec", "temmuz", "heinäkuuta", "júla", "július"],
    ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień", "августа", "август", "авг",
     "srpna", "srpen", "ağustos", "elokuuta", "augusta", "augusztus"],
    ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "września",
     "wrzesień", "сентября", "сентябрь", "сен", "září", "eylül", "syyskuuta", "septembra", "szeptember"],
    ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października",
     "październik", "октября", "октябрь", "окт", "října", "říjen", "ekim", "lokakuuta", "októbra", "október"],
    ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "ноября", "ноябрь", "ноя",
     "listopadu", "kasım", "marraskuuta", "novembra"],
    ["december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia",
     "grudzień", "декабря", "декабрь", "дек", "prosince", "prosinec", "aralık", "joulukuuta", "decembra"],
]

# Words that byline and author markup carry but that name no one ("Posted", "Article by", a month):
# an author entry that is only one of these is dropped ("Jan", "May", "Jun" are names too, so they stay).
# Keep entries lower-case.
NOT_AUTHOR_NAMES = ["posted", "posted by", "posted in", "article by", "written by", "by", "von", "par", "por", "text",
                    "home", "user", "users", "publisher", "author", "authors", "autor", "auteur", "guest",
                    "admin", "administrator", "feb", "mar", "apr", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                    "share", "follow", "email", "more", "read more", "comments",
                    "no author", "unknown", "unknown author", "none", "n/a", "null", "undefined", "wordpressadmin",
                    "webmaster"]

# A byline's label before the author's name, as pages print it ("Written by Jane Doe", "Von Roland Brockmann
# und Sebastian Drescher", "Autor: Peter Maahn"): bylines.labelled_byline reads the name after it when no markup
# names the author. After a strong label one name word is enough ("Posted by Konstantin"); after a bare
# preposition ("By", "Von", "Par") the name needs two ("By Car" is a heading, not a byline). Keep entries lower-case.
BYLINE_LABELS_STRONG = [
    "written by", "posted by", "article by", "story by", "words by", "text by", "report by", "reported by",
    "author:", "authors:", "by:",
    "geschrieben von", "eingestellt von", "verfasst von", "veröffentlicht von", "ein artikel von", "artikel von",
    "ein beitrag von", "beitrag von", "text von", "text:", "von:", "autor:",
    "autorin:", "autoren:", "écrit par", "publié par", "rédigé par", "auteur:", "escrito por", "publicado por",
    "autor/a:", "scritto da", "pubblicato da", "autore:", "geschreven door", "skrevet af", "skrevet av",
    "napisane przez", "autorka:", "автор:", "yazar:",
]
BYLINE_LABELS_WEAK = ["by", "von", "vom", "par", "por", "di", "door", "av", "af", "przez", "author", "authors", "autor",
                      "autorin", "autoren", "auteur"]   # "Author Bio" is a heading
# Words that end a name in a byline: what comes after it (a date, an update stamp, a credit) is not the name
BYLINE_STAMP_WORDS = [   # an update stamp or a weekday after the name ("Jane Doe Last updated", "Tomas Spahn Fr")
    "updated", "update", "published", "posted", "last", "stand", "aktualisiert", "veröffentlicht", "vor",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo",
]
BYLINE_NAME_ENDS = BYLINE_STAMP_WORDS + [
    "the", "der", "die", "das", "photo", "photos", "foto", "fotos", "bild", "bilder", "illustration", "share", "teilen",
    "follow", "read", "reading", "lesezeit", "min", "comments", "kommentare", "today", "heute", "gestern",
    "yesterday", "mise", "publié", "released", "for", "für", "pour", "para", "per",
]
# Words that join two names in a byline ("Benjamin Fischer und Marcus Theurer")
BYLINE_NAME_JOINS = ["and", "und", "&", "et", "y", "e", "en", "og", "och", "i", "ve", "и", ","]
# Lower-case words inside a name ("Walter von Aachen", "Marna van der Merwe")
NAME_PARTICLES = ["von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "al", "ter",
                  "ten", "zu", "dos", "das", "do", "dei", "des"]
# Job titles a byline prints after the name ("Harry Rabinowitz Tech Reporter"): cut from the end of an author
# entry of three words or more (bylines.trimmed_name)
NAME_TITLES = ["writer", "reporter", "editor", "founder", "co-founder", "contributor", "correspondent", "columnist",
               "journalist", "staff", "contributing", "senior", "tech", "chief", "managing", "guest", "freelance",
               "redakteur", "redakteurin", "journalistin", "rédacteur", "rédactrice", "redactor", "redactora"]
# An author entry ending in one of these is a credential, a job or a month printed beside the name, split off
# as an entry of its own ("Grant Tinsley, PhD", "Brett Cruz, Digital Security Expert", "October"). Surnames
# that are also such words stay ("Rui Ma": no "ma"; "May", "June", "April" and "August" are names too).
NOT_NAME_ENDINGS = ["phd", "ph.d", "md", "m.d", "rn", "bsn", "ms", "msn", "mba", "cpa", "dds", "rd", "mph", "jd", "esq",
                    "lcsw", "cfp", "expert", "consultant", "founder", "co-founder", "specialist", "strategist",
                    "advisor", "adviser", "director", "manager", "officer", "january", "february", "march",
                    "september", "october", "november", "december"]
