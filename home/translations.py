"""Demo translations of the home page. Written for the demo without native
speakers: each translated page carries an editor's comment asking for review."""

EN = [
    "Working with our communities",
    "The county council's communities strategy and consultations.",
    "This website is about how we work with local people.",
    "A large public building with columns",
    "We are the county council. We want to work with local people.",
    "A group of houses",
    "Local groups already do a lot. They help people who need it.",
    "A clipboard with a list",
    "We have a plan for this. It is called our communities strategy.",
    "Strategy",
    "A plan for the next few years.",
    "A ballot box with a paper going in",
    "You can tell us what you think. This is called having your say.",
    "A telephone",
    "Ring us on 0116 305 6977 if you need help.",
    "We want to hear from you. Tell us what you think of our plan.",
    "Read how the county council plans to work with the people and groups who make "
    "Leicestershire's towns and villages strong, see what communities are already doing, "
    "and tell us what you think.",
    "What this site is for",
    "The council's money for supporting communities is shrinking while the need for that "
    "support grows. Our communities strategy explains where we will focus what we have: "
    "helping communities look after people who are vulnerable, and helping them design and "
    "run local services.",
    "On this site you can read the strategy, its priorities and its building blocks, follow "
    "how the plan is being delivered, and answer our consultations.",
    "You can ask for anything on this site in large print, Easy Read, audio, Braille or "
    "another language. Use the contact page or ring us.",
]

TRANSLATED = {
    "pl": [
        "Współpraca z naszymi społecznościami",
        "Strategia rady hrabstwa dla społeczności lokalnych i konsultacje.",
        "Ta strona mówi o tym, jak współpracujemy z mieszkańcami.",
        "Duży budynek publiczny z kolumnami",
        "Jesteśmy radą hrabstwa. Chcemy współpracować z mieszkańcami.",
        "Grupa domów",
        "Lokalne grupy robią już bardzo dużo. Pomagają osobom, które tego potrzebują.",
        "Podkładka z listą",
        "Mamy na to plan. Nazywa się strategią dla społeczności.",
        "Strategia",
        "Plan na kilka najbliższych lat.",
        "Urna, do której wrzuca się kartkę",
        "Możesz powiedzieć nam, co myślisz. To się nazywa wyrażanie opinii.",
        "Telefon",
        "Jeśli potrzebujesz pomocy, zadzwoń pod numer 0116 305 6977.",
        "Chcemy poznać Twoje zdanie. Powiedz nam, co myślisz o naszym planie.",
        "Dowiedz się, jak rada hrabstwa chce współpracować z ludźmi i grupami, dzięki którym "
        "miasta i wsie Leicestershire są silne, zobacz, co już robią lokalne społeczności, "
        "i powiedz nam, co o tym myślisz.",
        "Do czego służy ta strona",
        "Rada ma coraz mniej pieniędzy na wspieranie społeczności, a potrzeby rosną. Nasza "
        "strategia wyjaśnia, na czym skupimy dostępne środki: na pomocy społecznościom w "
        "opiece nad osobami potrzebującymi wsparcia oraz na pomocy w planowaniu i prowadzeniu "
        "lokalnych usług.",
        "Na tej stronie możesz przeczytać strategię, jej priorytety i elementy składowe, "
        "śledzić realizację planu i odpowiadać na nasze konsultacje.",
        "Każdą informację z tej strony możesz otrzymać w dużym druku, w wersji łatwej do "
        "czytania (Easy Read), w nagraniu audio, w alfabecie Braille’a lub w innym języku. "
        "Skorzystaj ze strony kontaktowej lub zadzwoń do nas.",
    ],
    "ur": [
        "اپنی برادریوں کے ساتھ مل کر کام",
        "کاؤنٹی کونسل کی برادریوں کے لیے حکمتِ عملی اور مشاورتیں۔",
        "یہ ویب سائٹ اس بارے میں ہے کہ ہم مقامی لوگوں کے ساتھ کیسے کام کرتے ہیں۔",
        "ستونوں والی ایک بڑی سرکاری عمارت",
        "ہم کاؤنٹی کونسل ہیں۔ ہم مقامی لوگوں کے ساتھ مل کر کام کرنا چاہتے ہیں۔",
        "گھروں کا ایک گروپ",
        "مقامی گروپ پہلے ہی بہت کچھ کرتے ہیں۔ وہ ضرورت مند لوگوں کی مدد کرتے ہیں۔",
        "فہرست والا ایک کلپ بورڈ",
        "اس کے لیے ہمارا ایک منصوبہ ہے۔ اسے ہماری برادریوں کی حکمتِ عملی کہتے ہیں۔",
        "حکمتِ عملی",
        "اگلے چند سالوں کا منصوبہ۔",
        "ووٹ کا ڈبہ جس میں کاغذ ڈالا جا رہا ہے",
        "آپ ہمیں بتا سکتے ہیں کہ آپ کیا سوچتے ہیں۔ اسے اپنی رائے دینا کہتے ہیں۔",
        "ٹیلی فون",
        "اگر آپ کو مدد چاہیے تو ہمیں 0116 305 6977 پر فون کریں۔",
        "ہم آپ کی بات سننا چاہتے ہیں۔ ہمیں بتائیں کہ آپ ہمارے منصوبے کے بارے میں کیا سوچتے ہیں۔",
        "پڑھیں کہ کاؤنٹی کونسل اُن لوگوں اور گروپوں کے ساتھ کیسے کام کرنا چاہتی ہے جو لیسٹرشائر "
        "کے قصبوں اور دیہات کو مضبوط بناتے ہیں، دیکھیں کہ برادریاں پہلے سے کیا کر رہی ہیں، اور "
        "ہمیں اپنی رائے دیں۔",
        "یہ ویب سائٹ کس لیے ہے",
        "برادریوں کی مدد کے لیے کونسل کے پاس پیسہ کم ہو رہا ہے جبکہ اس مدد کی ضرورت بڑھ رہی ہے۔ "
        "ہماری حکمتِ عملی بتاتی ہے کہ ہم اپنے وسائل کہاں لگائیں گے: کمزور لوگوں کی دیکھ بھال میں "
        "برادریوں کی مدد، اور مقامی خدمات بنانے اور چلانے میں ان کی مدد۔",
        "اس ویب سائٹ پر آپ حکمتِ عملی، اس کی ترجیحات اور بنیادی عناصر پڑھ سکتے ہیں، منصوبے پر "
        "عمل درآمد دیکھ سکتے ہیں، اور ہماری مشاورتوں کا جواب دے سکتے ہیں۔",
        "آپ اس ویب سائٹ کی کوئی بھی چیز بڑے حروف، آسان مطالعہ (Easy Read)، آڈیو، بریل یا کسی "
        "دوسری زبان میں مانگ سکتے ہیں۔ رابطے کا صفحہ استعمال کریں یا ہمیں فون کریں۔",
    ],
    "gu": [
        "અમારા સમુદાયો સાથે મળીને કામ",
        "કાઉન્ટી કાઉન્સિલની સમુદાયો માટેની વ્યૂહરચના અને પરામર્શ.",
        "આ વેબસાઇટ એ વિશે છે કે અમે સ્થાનિક લોકો સાથે કેવી રીતે કામ કરીએ છીએ.",
        "થાંભલાઓવાળી એક મોટી જાહેર ઇમારત",
        "અમે કાઉન્ટી કાઉન્સિલ છીએ. અમે સ્થાનિક લોકો સાથે મળીને કામ કરવા માંગીએ છીએ.",
        "ઘરોનો એક સમૂહ",
        "સ્થાનિક જૂથો પહેલેથી જ ઘણું કરે છે. તેઓ જરૂરિયાતમંદ લોકોને મદદ કરે છે.",
        "યાદી સાથેનું ક્લિપબોર્ડ",
        "આ માટે અમારી પાસે એક યોજના છે. તેને અમારી સમુદાય વ્યૂહરચના કહેવાય છે.",
        "વ્યૂહરચના",
        "આગામી થોડાં વર્ષો માટેની યોજના.",
        "મતપેટી જેમાં કાગળ નાખવામાં આવી રહ્યો છે",
        "તમે અમને કહી શકો છો કે તમે શું વિચારો છો. તેને તમારો અભિપ્રાય આપવો કહેવાય.",
        "ટેલિફોન",
        "જો તમને મદદની જરૂર હોય તો અમને 0116 305 6977 પર ફોન કરો.",
        "અમે તમારી વાત સાંભળવા માંગીએ છીએ. અમારી યોજના વિશે તમે શું વિચારો છો તે અમને કહો.",
        "વાંચો કે કાઉન્ટી કાઉન્સિલ લેસ્ટરશાયરનાં નગરો અને ગામોને મજબૂત બનાવતા લોકો અને જૂથો "
        "સાથે કેવી રીતે કામ કરવા માંગે છે, જુઓ કે સમુદાયો પહેલેથી શું કરી રહ્યા છે, અને અમને "
        "તમારો અભિપ્રાય જણાવો.",
        "આ વેબસાઇટ શા માટે છે",
        "સમુદાયોને ટેકો આપવા માટે કાઉન્સિલ પાસેના પૈસા ઘટી રહ્યા છે, જ્યારે એ ટેકાની જરૂરિયાત "
        "વધી રહી છે. અમારી વ્યૂહરચના સમજાવે છે કે અમારી પાસે જે છે તે અમે ક્યાં વાપરીશું: "
        "નબળા લોકોની સંભાળ રાખવામાં સમુદાયોને મદદ કરવી, અને સ્થાનિક સેવાઓ ઘડવામાં અને "
        "ચલાવવામાં તેમને મદદ કરવી.",
        "આ વેબસાઇટ પર તમે વ્યૂહરચના, તેની પ્રાથમિકતાઓ અને મૂળભૂત ઘટકો વાંચી શકો છો, યોજનાની "
        "પ્રગતિ જોઈ શકો છો અને અમારા પરામર્શના જવાબ આપી શકો છો.",
        "તમે આ વેબસાઇટ પરની કોઈ પણ માહિતી મોટા અક્ષરોમાં, સરળ વાંચન (Easy Read), ઑડિયો, "
        "બ્રેઇલ અથવા બીજી ભાષામાં માંગી શકો છો. સંપર્ક પાનાનો ઉપયોગ કરો અથવા અમને ફોન કરો.",
    ],
    "pa": [
        "ਆਪਣੇ ਭਾਈਚਾਰਿਆਂ ਨਾਲ ਮਿਲ ਕੇ ਕੰਮ",
        "ਕਾਉਂਟੀ ਕੌਂਸਲ ਦੀ ਭਾਈਚਾਰਿਆਂ ਲਈ ਰਣਨੀਤੀ ਅਤੇ ਸਲਾਹ-ਮਸ਼ਵਰੇ।",
        "ਇਹ ਵੈੱਬਸਾਈਟ ਇਸ ਬਾਰੇ ਹੈ ਕਿ ਅਸੀਂ ਸਥਾਨਕ ਲੋਕਾਂ ਨਾਲ ਕਿਵੇਂ ਕੰਮ ਕਰਦੇ ਹਾਂ।",
        "ਥੰਮ੍ਹਾਂ ਵਾਲੀ ਇੱਕ ਵੱਡੀ ਸਰਕਾਰੀ ਇਮਾਰਤ",
        "ਅਸੀਂ ਕਾਉਂਟੀ ਕੌਂਸਲ ਹਾਂ। ਅਸੀਂ ਸਥਾਨਕ ਲੋਕਾਂ ਨਾਲ ਮਿਲ ਕੇ ਕੰਮ ਕਰਨਾ ਚਾਹੁੰਦੇ ਹਾਂ।",
        "ਘਰਾਂ ਦਾ ਇੱਕ ਸਮੂਹ",
        "ਸਥਾਨਕ ਗਰੁੱਪ ਪਹਿਲਾਂ ਹੀ ਬਹੁਤ ਕੁਝ ਕਰਦੇ ਹਨ। ਉਹ ਲੋੜਵੰਦ ਲੋਕਾਂ ਦੀ ਮਦਦ ਕਰਦੇ ਹਨ।",
        "ਸੂਚੀ ਵਾਲਾ ਇੱਕ ਕਲਿੱਪਬੋਰਡ",
        "ਇਸ ਲਈ ਸਾਡੀ ਇੱਕ ਯੋਜਨਾ ਹੈ। ਇਸ ਨੂੰ ਸਾਡੀ ਭਾਈਚਾਰਕ ਰਣਨੀਤੀ ਕਹਿੰਦੇ ਹਨ।",
        "ਰਣਨੀਤੀ",
        "ਅਗਲੇ ਕੁਝ ਸਾਲਾਂ ਲਈ ਇੱਕ ਯੋਜਨਾ।",
        "ਵੋਟ ਵਾਲਾ ਡੱਬਾ ਜਿਸ ਵਿੱਚ ਕਾਗਜ਼ ਪਾਇਆ ਜਾ ਰਿਹਾ ਹੈ",
        "ਤੁਸੀਂ ਸਾਨੂੰ ਦੱਸ ਸਕਦੇ ਹੋ ਕਿ ਤੁਸੀਂ ਕੀ ਸੋਚਦੇ ਹੋ। ਇਸ ਨੂੰ ਆਪਣੀ ਰਾਏ ਦੇਣਾ ਕਹਿੰਦੇ ਹਨ।",
        "ਟੈਲੀਫ਼ੋਨ",
        "ਜੇ ਤੁਹਾਨੂੰ ਮਦਦ ਦੀ ਲੋੜ ਹੈ ਤਾਂ ਸਾਨੂੰ 0116 305 6977 'ਤੇ ਫ਼ੋਨ ਕਰੋ।",
        "ਅਸੀਂ ਤੁਹਾਡੀ ਗੱਲ ਸੁਣਨਾ ਚਾਹੁੰਦੇ ਹਾਂ। ਸਾਨੂੰ ਦੱਸੋ ਕਿ ਤੁਸੀਂ ਸਾਡੀ ਯੋਜਨਾ ਬਾਰੇ ਕੀ ਸੋਚਦੇ ਹੋ।",
        "ਪੜ੍ਹੋ ਕਿ ਕਾਉਂਟੀ ਕੌਂਸਲ ਉਹਨਾਂ ਲੋਕਾਂ ਅਤੇ ਗਰੁੱਪਾਂ ਨਾਲ ਕਿਵੇਂ ਕੰਮ ਕਰਨਾ ਚਾਹੁੰਦੀ ਹੈ ਜੋ "
        "ਲੈਸਟਰਸ਼ਾਇਰ ਦੇ ਕਸਬਿਆਂ ਅਤੇ ਪਿੰਡਾਂ ਨੂੰ ਮਜ਼ਬੂਤ ਬਣਾਉਂਦੇ ਹਨ, ਵੇਖੋ ਕਿ ਭਾਈਚਾਰੇ ਪਹਿਲਾਂ ਹੀ "
        "ਕੀ ਕਰ ਰਹੇ ਹਨ, ਅਤੇ ਸਾਨੂੰ ਆਪਣੀ ਰਾਏ ਦੱਸੋ।",
        "ਇਹ ਵੈੱਬਸਾਈਟ ਕਿਸ ਲਈ ਹੈ",
        "ਭਾਈਚਾਰਿਆਂ ਦੀ ਮਦਦ ਲਈ ਕੌਂਸਲ ਕੋਲ ਪੈਸਾ ਘੱਟ ਰਿਹਾ ਹੈ, ਜਦਕਿ ਇਸ ਮਦਦ ਦੀ ਲੋੜ ਵਧ ਰਹੀ ਹੈ। "
        "ਸਾਡੀ ਰਣਨੀਤੀ ਦੱਸਦੀ ਹੈ ਕਿ ਅਸੀਂ ਆਪਣੇ ਸਾਧਨ ਕਿੱਥੇ ਲਗਾਵਾਂਗੇ: ਕਮਜ਼ੋਰ ਲੋਕਾਂ ਦੀ ਦੇਖਭਾਲ "
        "ਵਿੱਚ ਭਾਈਚਾਰਿਆਂ ਦੀ ਮਦਦ, ਅਤੇ ਸਥਾਨਕ ਸੇਵਾਵਾਂ ਬਣਾਉਣ ਅਤੇ ਚਲਾਉਣ ਵਿੱਚ ਉਹਨਾਂ ਦੀ ਮਦਦ।",
        "ਇਸ ਵੈੱਬਸਾਈਟ 'ਤੇ ਤੁਸੀਂ ਰਣਨੀਤੀ, ਇਸ ਦੀਆਂ ਤਰਜੀਹਾਂ ਅਤੇ ਮੁੱਢਲੇ ਤੱਤ ਪੜ੍ਹ ਸਕਦੇ ਹੋ, ਯੋਜਨਾ "
        "ਦੀ ਪ੍ਰਗਤੀ ਵੇਖ ਸਕਦੇ ਹੋ, ਅਤੇ ਸਾਡੇ ਸਲਾਹ-ਮਸ਼ਵਰਿਆਂ ਦਾ ਜਵਾਬ ਦੇ ਸਕਦੇ ਹੋ।",
        "ਤੁਸੀਂ ਇਸ ਵੈੱਬਸਾਈਟ ਦੀ ਕੋਈ ਵੀ ਜਾਣਕਾਰੀ ਵੱਡੇ ਅੱਖਰਾਂ, ਆਸਾਨ ਪੜ੍ਹਤ (Easy Read), ਆਡੀਓ, "
        "ਬ੍ਰੇਲ ਜਾਂ ਕਿਸੇ ਹੋਰ ਭਾਸ਼ਾ ਵਿੱਚ ਮੰਗ ਸਕਦੇ ਹੋ। ਸੰਪਰਕ ਪੰਨਾ ਵਰਤੋ ਜਾਂ ਸਾਨੂੰ ਫ਼ੋਨ ਕਰੋ।",
    ],
    "bn": [
        "আমাদের কমিউনিটিগুলোর সাথে একসাথে কাজ",
        "কাউন্টি কাউন্সিলের কমিউনিটি কৌশল ও পরামর্শ।",
        "এই ওয়েবসাইটটি স্থানীয় মানুষের সাথে আমরা কীভাবে কাজ করি সে সম্পর্কে।",
        "স্তম্ভওয়ালা একটি বড় সরকারি ভবন",
        "আমরা কাউন্টি কাউন্সিল। আমরা স্থানীয় মানুষের সাথে একসাথে কাজ করতে চাই।",
        "কয়েকটি বাড়ির একটি দল",
        "স্থানীয় দলগুলো ইতিমধ্যে অনেক কিছু করে। তারা যাদের প্রয়োজন তাদের সাহায্য করে।",
        "তালিকাসহ একটি ক্লিপবোর্ড",
        "এর জন্য আমাদের একটি পরিকল্পনা আছে। একে আমাদের কমিউনিটি কৌশল বলা হয়।",
        "কৌশল",
        "আগামী কয়েক বছরের একটি পরিকল্পনা।",
        "একটি ব্যালট বাক্স, যাতে একটি কাগজ ঢোকানো হচ্ছে",
        "আপনি কী ভাবেন তা আমাদের জানাতে পারেন। একে আপনার মতামত দেওয়া বলে।",
        "টেলিফোন",
        "সাহায্যের দরকার হলে আমাদের 0116 305 6977 নম্বরে ফোন করুন।",
        "আমরা আপনার কথা শুনতে চাই। আমাদের পরিকল্পনা সম্পর্কে আপনি কী ভাবেন তা আমাদের জানান।",
        "পড়ুন, লেস্টারশায়ারের শহর ও গ্রামগুলোকে যারা শক্তিশালী করে সেই মানুষ ও দলগুলোর সাথে "
        "কাউন্টি কাউন্সিল কীভাবে কাজ করতে চায়, দেখুন কমিউনিটিগুলো ইতিমধ্যে কী করছে, এবং "
        "আমাদের আপনার মতামত জানান।",
        "এই ওয়েবসাইটটি কীসের জন্য",
        "কমিউনিটিকে সহায়তা করার জন্য কাউন্সিলের অর্থ কমছে, অথচ সেই সহায়তার প্রয়োজন বাড়ছে। "
        "আমাদের কৌশল ব্যাখ্যা করে আমাদের যা আছে তা আমরা কোথায় ব্যবহার করব: দুর্বল মানুষদের "
        "দেখাশোনায় কমিউনিটিকে সাহায্য করা, এবং স্থানীয় সেবা পরিকল্পনা ও পরিচালনায় তাদের "
        "সাহায্য করা।",
        "এই ওয়েবসাইটে আপনি কৌশলটি, এর অগ্রাধিকার ও মূল ভিত্তিগুলো পড়তে পারেন, পরিকল্পনা "
        "কীভাবে বাস্তবায়ন হচ্ছে তা দেখতে পারেন, এবং আমাদের পরামর্শে উত্তর দিতে পারেন।",
        "এই ওয়েবসাইটের যেকোনো কিছু আপনি বড় অক্ষরে, সহজপাঠ (Easy Read), অডিও, ব্রেইল বা "
        "অন্য ভাষায় চাইতে পারেন। যোগাযোগ পৃষ্ঠা ব্যবহার করুন অথবা আমাদের ফোন করুন।",
    ],
    "zh-hant": [
        "與我們的社區攜手合作",
        "郡議會的社區策略及諮詢。",
        "本網站介紹我們如何與本地居民合作。",
        "一座有柱子的大型公共建築",
        "我們是郡議會。我們希望與本地居民合作。",
        "一組房屋",
        "本地團體已經做了很多事。他們幫助有需要的人。",
        "一個夾著清單的寫字板",
        "我們為此訂立了計劃。這個計劃叫做社區策略。",
        "策略",
        "未來幾年的計劃。",
        "一張選票正被放進投票箱",
        "您可以告訴我們您的想法。這就是表達意見。",
        "電話",
        "如需協助，請致電 0116 305 6977。",
        "我們希望聽到您的意見。請告訴我們您對計劃的看法。",
        "了解郡議會打算如何與令萊斯特郡城鎮和村莊更強大的居民和團體合作，看看社區已經在做"
        "甚麼，並告訴我們您的想法。",
        "本網站的用途",
        "議會用於支援社區的資金正在減少，而對支援的需求卻在增加。我們的社區策略說明我們會把"
        "現有資源集中用在哪裡：協助社區照顧弱勢人士，以及協助社區設計和營運本地服務。",
        "您可以在本網站閱讀策略、其優先事項和基本要素，了解計劃的推行進度，並回應我們的諮詢。",
        "本網站的任何內容均可提供大字版、易讀版（Easy Read）、錄音、點字或其他語言版本。請使用"
        "聯絡頁面或致電我們。",
    ],
}

STRINGS = {code: dict(zip(EN, texts, strict=True)) for code, texts in TRANSLATED.items()}


def translate(loader):
    from core.demo.translate import translate_page
    from home.models import HomePage

    home = HomePage.objects.get(pk=loader.home.pk)
    for code, strings in STRINGS.items():
        translate_page(home, code, strings)
    loader.say(f"  home page in {len(STRINGS)} languages")
