# ruff: noqa: E501
"""Demo translations that more than one page's Easy Read version uses: the
pictures' descriptions and the words the strategy and the consultation share.
Written for the demo without native speakers, like the rest."""

LANGUAGES = ["pl", "ur", "gu", "pa", "bn", "zh-hant"]

# Each row: English, then Polish, Urdu, Gujarati, Punjabi, Bengali and
# Traditional Chinese.
SHARED_ROWS = [
    (
        "A clipboard with a list",
        "Podkładka z listą",
        "فہرست والا ایک کلپ بورڈ",
        "યાદી સાથેનું ક્લિપબોર્ડ",
        "ਸੂਚੀ ਵਾਲਾ ਇੱਕ ਕਲਿੱਪਬੋਰਡ",
        "তালিকাসহ একটি ক্লিপবোর্ড",
        "一個夾著清單的寫字板",
    ),
    (
        "A small plant growing",
        "Mała rosnąca roślina",
        "ایک چھوٹا سا اگتا ہوا پودا",
        "ઊગતો એક નાનો છોડ",
        "ਉੱਗਦਾ ਹੋਇਆ ਇੱਕ ਛੋਟਾ ਪੌਦਾ",
        "একটি ছোট গাছ বেড়ে উঠছে",
        "一棵正在生長的小植物",
    ),
    (
        "Idea 1 is prevention. We help people early, before problems get big.",
        "Pomysł 1 to zapobieganie. Pomagamy wcześnie, zanim problemy urosną.",
        "پہلا خیال روک تھام ہے۔ ہم لوگوں کی جلد مدد کرتے ہیں، اس سے پہلے کہ مسئلے بڑے ہو جائیں۔",
        "વિચાર 1 નિવારણ છે. સમસ્યાઓ મોટી થાય તે પહેલાં અમે લોકોને વહેલી મદદ કરીએ છીએ.",
        "ਵਿਚਾਰ 1 ਰੋਕਥਾਮ ਹੈ। ਅਸੀਂ ਸਮੱਸਿਆਵਾਂ ਵੱਡੀਆਂ ਹੋਣ ਤੋਂ ਪਹਿਲਾਂ ਲੋਕਾਂ ਦੀ ਜਲਦੀ ਮਦਦ ਕਰਦੇ ਹਾਂ।",
        "ভাবনা 1 হলো প্রতিরোধ। সমস্যা বড় হওয়ার আগেই আমরা মানুষকে সাহায্য করি।",
        "第一個想法是預防。我們及早幫助市民，不讓問題變大。",
    ),
    (
        "A speech bubble",
        "Dymek z rozmową",
        "بات چیت کا ایک بلبلہ",
        "વાતચીતનો એક બબલ",
        "ਗੱਲਬਾਤ ਦਾ ਇੱਕ ਬੁਲਬੁਲਾ",
        "কথার একটি বুদবুদ",
        "一個對話框",
    ),
    (
        "Two hands shaking",
        "Dwie ściskające się dłonie",
        "ہاتھ ملاتے ہوئے دو ہاتھ",
        "હાથ મિલાવતા બે હાથ",
        "ਹੱਥ ਮਿਲਾਉਂਦੇ ਦੋ ਹੱਥ",
        "করমর্দন করা দুটি হাত",
        "兩隻正在握手的手",
    ),
    ("Catalyst", "Katalizator", "محرک", "પ્રેરક બળ", "ਪ੍ਰੇਰਕ", "অনুঘটক", "推動者"),
    (
        "A catalyst helps something to happen.",
        "Katalizator pomaga, żeby coś się wydarzyło.",
        "محرک وہ ہے جو کسی کام کو ہونے میں مدد دے۔",
        "પ્રેરક બળ કંઈક થવામાં મદદ કરે છે.",
        "ਪ੍ਰੇਰਕ ਕਿਸੇ ਚੀਜ਼ ਨੂੰ ਵਾਪਰਨ ਵਿੱਚ ਮਦਦ ਕਰਦਾ ਹੈ।",
        "অনুঘটক কোনো কিছু ঘটতে সাহায্য করে।",
        "推動者幫助事情發生。",
    ),
    (
        "A ballot box with a paper going in",
        "Urna, do której wrzuca się kartkę",
        "ووٹ کا ڈبہ جس میں کاغذ ڈالا جا رہا ہے",
        "મતપેટી જેમાં કાગળ નાખવામાં આવી રહ્યો છે",
        "ਵੋਟ ਵਾਲਾ ਡੱਬਾ ਜਿਸ ਵਿੱਚ ਕਾਗਜ਼ ਪਾਇਆ ਜਾ ਰਿਹਾ ਹੈ",
        "একটি ব্যালট বাক্স, যাতে একটি কাগজ ঢোকানো হচ্ছে",
        "一張選票正被放進投票箱",
    ),
]


def strings_by_language(rows):
    """{language: {English: translation}} from rows in LANGUAGES order, with
    the shared rows added."""
    rows = [*rows, *SHARED_ROWS]
    return {
        code: {row[0]: row[index] for row in rows} for index, code in enumerate(LANGUAGES, start=1)
    }
