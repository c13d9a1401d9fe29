"""The demo's editorial text (Vietnamese), kept apart from the code that builds pages from it. Dates are days
from the demo's today (storefront/demo/calendar.py): one campaign running and one ended, one fair past, one
running, one upcoming, so the demo looks the same whatever day it is loaded."""

from decimal import Decimal

INDEXES = {
    "stories": {"slug": "cau-chuyen-san-pham", "title": "Câu chuyện sản phẩm",
                "intro": "<p>Người làm ra đặc sản kể về nguyên liệu, cách làm và vùng đất của mình.</p>"},
    "provinces": {"slug": "tinh-thanh", "title": "Tỉnh, thành",
                  "intro": "<p>Sản phẩm OCOP, nhà sản xuất, hội chợ và điểm bán theo từng tỉnh, thành phố.</p>"},
    "campaigns": {"slug": "chuong-trinh", "title": "Chương trình khuyến mại",
                  "intro": "<p>Các đợt giới thiệu và ưu đãi sản phẩm OCOP đang diễn ra.</p>"},
    "fairs": {"slug": "hoi-cho", "title": "Hội chợ OCOP",
              "intro": "<p>Lịch hội chợ, triển lãm sản phẩm OCOP và danh sách gian hàng.</p>"},
    "showrooms": {"slug": "diem-ban", "title": "Điểm giới thiệu và bán sản phẩm",
                  "intro": "<p>Nơi xem tận tay và mua sản phẩm OCOP trực tiếp.</p>"},
    "news": {"slug": "tin-tuc", "title": "Tin tức",
             "intro": "<p>Thông báo của chương trình OCOP và của sàn.</p>"},
}

STORIES = [
    {
        "slug": "nuoc-mam-ham-ninh-mua-ca-com",
        "title": "Mùa cá cơm ở làng chài Hàm Ninh",
        "producer": "htx-nuoc-mam-ham-ninh",
        "products": ["nuoc-mam-phu-quoc-40-dam", "nuoc-mam-phu-quoc-35-dam"],
        "summary": "Từ ghe cá cơm lúc rạng sáng đến thùng gỗ bời lời ủ chượp mười hai tháng: nước mắm Phú Quốc "
                   "của hợp tác xã Hàm Ninh được làm như thế nào.",
        "body": ["Khoảng bốn giờ sáng, ghe của các xã viên cập bến Hàm Ninh với những khoang cá cơm sọc tiêu còn "
                 "tươi rói. Cá được trộn muối ngay trên ghe theo tỉ lệ ba cá một muối, để giữ độ tươi trước khi "
                 "về tới nhà thùng.\n\nỞ nhà thùng, chượp được ủ trong thùng gỗ bời lời lâu năm, đậy kín và "
                 "nén đá. Mỗi ngày người thợ lại kiểm tra màu nước, mùi chượp để quyết định lúc kéo rút.",
                 "Sau mười hai tháng, nước mắm nhĩ đầu tiên chảy ra có màu cánh gián, độ đạm trên 40 độ. Hợp tác "
                 "xã không pha thêm chất điều vị hay phẩm màu; mỗi mẻ đều có phiếu kiểm nghiệm.\n\nKhách ghé "
                 "Phú Quốc có thể vào nhà thùng xem quy trình ủ chượp và nếm thử trực tiếp."],
        "caption": "Nước mắm Phú Quốc đóng chai tại nhà thùng Hàm Ninh",
        "quote": ("Cá phải tươi, muối phải sạch, còn lại là thời gian. Không có cách nào làm nhanh hơn được.",
                  "Ông Trần Văn Lộc, giám đốc hợp tác xã"),
        "facts": [("Nguyên liệu", "Cá cơm sọc tiêu, muối hạt"), ("Thời gian ủ", "12 tháng"),
                  ("Thùng ủ", "Gỗ bời lời"), ("Độ đạm", "35–40 độ")],
    },
    {
        "slug": "che-tan-cuong-mot-tom-hai-la",
        "title": "Chè Tân Cương: một tôm hai lá và bàn tay sao chè",
        "producer": "htx-che-dinh-tan-cuong",
        "products": ["che-dinh-tan-cuong", "che-bup-tan-cuong"],
        "summary": "Vì sao chè đinh Tân Cương chỉ hái được vài tuần mỗi vụ, và người sao chè ở Thái Nguyên "
                   "giữ lửa chảo gang như thế nào.",
        "body": ["Trên những đồi chè quanh hồ Núi Cốc, người hái chè bắt đầu từ khi sương còn đọng. Chè đinh chỉ "
                 "lấy phần nõn búp nhỏ như cây đinh, nên mỗi cân chè khô cần hơn sáu cân búp tươi.\n\nBúp chè "
                 "được làm héo, vò bằng tay rồi sao trên chảo gang. Lửa phải đều và nhỏ dần: nóng quá chè cháy "
                 "cạnh, nguội quá chè không dậy mùi cốm.",
                 "Hợp tác xã áp dụng quy trình canh tác theo tiêu chuẩn VietGAP, ghi nhật ký từng lô để truy xuất "
                 "nguồn gốc. Chè được đóng gói hút chân không ngay sau khi sao để giữ hương.\n\nNước chè Tân "
                 "Cương xanh trong, vị chát dịu rồi ngọt hậu, mùi thơm cốm non đặc trưng."],
        "caption": "Búp chè Tân Cương sau khi sao",
        "quote": ("Chè ngon là ở cái hậu: uống xong một lúc vẫn còn thấy ngọt trong cổ.",
                  "Bà Nguyễn Thị Hoa, thợ sao chè"),
        "facts": [("Vùng trồng", "Tân Cương, Thái Nguyên"), ("Tiêu chuẩn búp", "Một tôm, hai lá non"),
                  ("Sao chè", "Chảo gang, lửa củi"), ("Pha", "Nước 85–90 °C")],
    },
    {
        "slug": "tra-hoa-vang-ba-che-duoi-tan-rung",
        "title": "Trà hoa vàng Ba Chẽ mọc dưới tán rừng",
        "producer": "htx-tra-hoa-vang-ba-che",
        "products": ["tra-hoa-vang-ba-che", "tra-la-hoa-vang-ba-che-tui-loc"],
        "summary": "Cây trà hoa vàng chỉ ra hoa vào mùa đông, dưới tán rừng ẩm ở Ba Chẽ, Quảng Ninh. Người Dao "
                   "ở đây chăm cây như chăm rừng.",
        "body": ["Trà hoa vàng là loài cây ưa bóng, mọc tự nhiên dưới tán rừng già. Hợp tác xã trồng theo cách "
                 "mô phỏng rừng tự nhiên, không dùng thuốc bảo vệ thực vật.\n\nHoa nở từ tháng mười một đến "
                 "tháng hai năm sau. Mỗi bông được hái bằng tay khi vừa hé, rồi sấy lạnh để giữ màu vàng óng.",
                 "Một tách trà từ hai, ba bông hoa có màu vàng nhạt, vị ngọt thanh. Lá trà được sấy làm trà túi "
                 "lọc cho người dùng hằng ngày.\n\nNghề trồng trà hoa vàng giúp nhiều hộ đồng bào Dao ở Ba Chẽ "
                 "có thu nhập ổn định mà vẫn giữ được rừng."],
        "caption": "Trà hoa vàng Ba Chẽ sấy lạnh",
        "quote": ("Giữ được rừng thì mới có hoa. Cây trà dạy chúng tôi điều đó.", "Anh Triệu Văn Thành, xã viên"),
        "facts": [("Mùa hoa", "Tháng 11 – tháng 2"), ("Cách sấy", "Sấy lạnh"), ("Vùng trồng", "Ba Chẽ, Quảng Ninh"),
                  ("Pha", "2–3 bông cho một ấm")],
    },
    {
        "slug": "gom-bat-trang-men-lam-ve-tay",
        "title": "Men lam Bát Tràng: mỗi bộ ấm chén là một bức vẽ",
        "producer": "cty-gom-co-truyen-bat-trang",
        "products": ["gom-bat-trang-bo-am-chen-men-lam", "gom-bat-trang-binh-men-ran-dap-noi"],
        "summary": "Trong xưởng gốm ở Bát Tràng, nghệ nhân vẽ từng cánh sen bằng bút lông trước khi đưa gốm vào "
                   "lò nung hơn mười giờ.",
        "body": ["Đất sét trắng pha cao lanh được lọc kỹ, vuốt tay trên bàn xoay rồi phơi khô tự nhiên. Khi xương "
                 "gốm còn mộc, nghệ nhân dùng bút lông vẽ trực tiếp họa tiết sen, cúc dây bằng men lam cô ban.\n\n"
                 "Gốm được nung ở khoảng 1.250 °C. Lửa quyết định độ trong của men: chỉ cần lệch vài chục độ, sắc "
                 "lam sẽ đục hoặc chảy.",
                 "Mỗi bộ ấm chén mang dấu triện của xưởng, không có hai bộ nào giống hệt nhau. Xưởng nhận đặt vẽ "
                 "theo yêu cầu làm quà tặng.\n\nGốm Bát Tràng dùng được trong máy rửa bát và lò vi sóng vì men "
                 "không chứa chì."],
        "caption": "Bình gốm men rạn đắp nổi Bát Tràng",
        "quote": ("Vẽ men lam không sửa được. Nét nào đã đặt bút là phải xong.", "Nghệ nhân Lê Văn Cường"),
        "facts": [("Chất liệu", "Đất sét trắng, cao lanh"), ("Nhiệt độ nung", "Khoảng 1.250 °C"),
                  ("Men", "Lam cô ban, không chì"), ("Xuất xứ", "Bát Tràng, Hà Nội")],
    },
    {
        "slug": "mat-hoa-dua-cau-ke",
        "title": "Giọt mật hoa dừa trên những vườn dừa Cầu Kè",
        "producer": "htx-hoa-dua-cau-ke",
        "products": ["mat-hoa-dua-huu-co", "duong-hoa-dua-huu-co"],
        "summary": "Người thợ leo dừa hai lần mỗi ngày để lấy nhựa hoa, rồi cô thành mật trên bếp lửa nhỏ.",
        "body": ["Ở Cầu Kè, vườn dừa được chăm theo hướng hữu cơ: không phân hóa học, không thuốc diệt cỏ. Mỗi "
                 "sáng sớm và chiều muộn, thợ leo dừa cắt nhẹ đầu buồng hoa để hứng nhựa vào ống tre.\n\nNhựa "
                 "hoa dừa phải được cô ngay trong ngày để không lên men, trên chảo rộng với lửa nhỏ trong nhiều "
                 "giờ.",
                 "Mật hoa dừa có màu hổ phách, vị ngọt dịu và chỉ số đường huyết thấp hơn đường mía. Một phần "
                 "mật được sấy thành đường hoa dừa dạng hạt.\n\nHợp tác xã có chứng nhận hữu cơ cho vùng nguyên "
                 "liệu và bao tiêu nhựa hoa cho các hộ thành viên."],
        "caption": "Đường hoa dừa hữu cơ Cầu Kè",
        "quote": ("Một cây dừa cho nhựa quanh năm, chỉ cần mình chăm nó cho đúng.", "Chị Thạch Thị Sa Rươl"),
        "facts": [("Nguyên liệu", "Nhựa hoa dừa hữu cơ"), ("Thu hoạch", "Hai lần mỗi ngày"),
                  ("Chế biến", "Cô lửa nhỏ trong ngày"), ("Xuất xứ", "Cầu Kè, Vĩnh Long")],
    },
    {
        "slug": "ca-phe-arabica-khe-sanh",
        "title": "Cà phê Arabica Khe Sanh: hái chín, phơi giàn",
        "producer": "cty-ca-phe-nguyen-chat-khe-san",
        "products": ["ca-phe-arabica-khe-sanh-rang-xay", "ca-phe-hat-robusta-khe-sanh"],
        "summary": "Trên cao nguyên Khe Sanh, cà phê chỉ được hái khi quả chín đỏ và phơi trên giàn cao để hạt "
                   "khô đều.",
        "body": ["Vùng đồi đất đỏ bazan ở Khe Sanh có khí hậu mát và mưa nhiều, hợp với cây Arabica. Công ty thu "
                 "mua quả chín từ các hộ đồng bào Vân Kiều, Pa Kô với giá cao hơn quả xanh.\n\nQuả được sơ chế "
                 "ướt, phơi trên giàn cách mặt đất để tránh ẩm mốc, rồi nghỉ hạt ba tháng trước khi rang.",
                 "Cà phê được rang mộc theo mẻ nhỏ, không tẩm bơ hay hương liệu. Vị chua thanh, hậu ngọt và mùi "
                 "trái cây là đặc trưng của Arabica Khe Sanh.\n\nMỗi túi ghi ngày rang để người uống biết độ "
                 "tươi của hạt."],
        "caption": "Cà phê hạt Khe Sanh sau khi rang",
        "quote": ("Quả chín mới cho vị ngọt. Hái xanh thì rang giỏi mấy cũng chát.", "Anh Hồ Văn Pả, nông dân"),
        "facts": [("Giống", "Arabica Catimor"), ("Độ cao", "500–700 m"), ("Sơ chế", "Ướt, phơi giàn"),
                  ("Rang", "Mộc, mẻ nhỏ")],
    },
]

# Dates are days from the demo's today (storefront/demo/calendar.py); texts name them through {placeholders}.
CAMPAIGNS = [
    {
        "key": "gifts",
        "slug": "uu-dai-qua-bieu-ocop",
        "title": "Ưu đãi quà biếu OCOP tháng {month}",
        "summary": "Giảm 10% cho quà biếu từ đặc sản OCOP 4–5 sao, {dates}.",
        "starts_on": -7, "ends_on": 38,
        "offer_name": "Quà biếu OCOP tháng {month} – giảm 10%", "discount": Decimal("10"),
        "products": ["keo-dua-ben-tre-truyen-thong", "mat-hoa-dua-huu-co", "tra-hoa-vang-ba-che",
                     "banh-pia-sau-rieng-trung-muoi"],
        "body": "Chọn quà biếu từ những sản phẩm đã được công nhận OCOP: kẹo dừa Bến Tre, mật hoa dừa Cầu Kè, trà "
                "hoa vàng Ba Chẽ, bánh pía Sóc Trăng. Giá đã giảm hiển thị ngay dưới mỗi sản phẩm và được trừ "
                "tự động trong giỏ hàng.\n\nChương trình áp dụng cho mọi đơn hàng đến hết ngày {ends}.",
    },
    {
        "key": "tea",
        "slug": "uu-dai-banh-va-tra-ocop",
        "title": "Ưu đãi bánh và trà OCOP tháng {month}",
        "summary": "Bánh in, chè và trà sen OCOP cho những buổi sum họp, {dates} (đã kết thúc).",
        "starts_on": -83, "ends_on": -54,
        "offer_name": "Bánh và trà OCOP tháng {month} – giảm 5%", "discount": Decimal("5"),
        "products": ["banh-in-nhan-dau-xanh-soc-trang", "che-dinh-tan-cuong", "tra-tam-sen-nam-dan"],
        "body": "Bánh in Sóc Trăng, chè Tân Cương và trà tâm sen Nam Đàn cho những buổi sum họp gia đình.",
    },
]

FAIRS = [
    {
        "key": "mekong",
        "slug": "hoi-cho-ocop-dong-bang-song-cuu-long",
        "title": "Hội chợ OCOP vùng Đồng bằng sông Cửu Long {year}",
        "summary": "Hơn 200 gian hàng đặc sản OCOP của các tỉnh miền Tây tại Cần Thơ, {dates}.",
        "starts_on": -67, "ends_on": -63, "registration_deadline": -84,
        "province": "92", "venue": "Trung tâm Hội chợ Triển lãm Cần Thơ",
        "address": "Đường Hòa Bình, phường Ninh Kiều",
        "latitude": Decimal("10.033333"), "longitude": Decimal("105.783333"),
        "organiser": "Sở Công Thương thành phố Cần Thơ", "booths": 12,
        "zones": ["Khu A – Thực phẩm", "Khu B – Đồ uống", "Khu C – Thủ công mỹ nghệ"],
        "body": "Hội chợ giới thiệu sản phẩm OCOP của các tỉnh, thành vùng Đồng bằng sông Cửu Long, kết hợp hội "
                "thảo kết nối tiêu thụ với các hệ thống siêu thị.",
    },
    {
        "key": "hanoi",
        "slug": "hoi-cho-ocop-ha-noi",
        "title": "Hội chợ OCOP Hà Nội tháng {month}",
        "summary": "Đặc sản OCOP từ khắp cả nước giữa lòng Thủ đô, {dates}.",
        "starts_on": -3, "ends_on": 3, "registration_deadline": -18,
        "province": "01", "venue": "Cung Văn hóa Hữu nghị Việt Xô", "address": "91 Trần Hưng Đạo, phường Cửa Nam",
        "latitude": Decimal("21.022700"), "longitude": Decimal("105.844100"),
        "organiser": "Sở Nông nghiệp và Môi trường Hà Nội", "booths": 14,
        "zones": ["Khu A – Thực phẩm", "Khu B – Đồ uống", "Khu C – Thủ công mỹ nghệ", "Khu D – Dược liệu"],
        "body": "Mỗi ngày hội chợ mở cửa từ 8:00 đến 22:00, có khu trình diễn pha trà, làm gốm và ẩm thực vùng "
                "miền. Khách tham quan có thể mua trực tiếp hoặc đặt hàng qua OCOP Market.",
    },
    {
        "key": "hcmc",
        "slug": "hoi-cho-ocop-tp-ho-chi-minh",
        "title": "Hội chợ OCOP TP. Hồ Chí Minh tháng {month}",
        "summary": "Phiên chợ đặc sản OCOP tại TP. Hồ Chí Minh, {dates}.",
        "starts_on": 25, "ends_on": 29, "registration_deadline": 12,
        "province": "79", "venue": "Nhà Văn hóa Thanh niên", "address": "4 Phạm Ngọc Thạch, phường Sài Gòn",
        "latitude": Decimal("10.779700"), "longitude": Decimal("106.699000"),
        "organiser": "Sở Công Thương TP. Hồ Chí Minh", "booths": 12,
        "zones": ["Khu A – Thực phẩm", "Khu B – Quà tặng", "Khu C – Thủ công mỹ nghệ"],
        "body": "Các nhà sản xuất còn có thể đăng ký gian hàng đến hết ngày {deadline}. Ban tổ chức ưu tiên "
                "sản phẩm OCOP còn hiệu lực chứng nhận.",
    },
]

SHOWROOMS = [
    {"slug": "diem-ban-ocop-ha-noi", "title": "Điểm giới thiệu và bán sản phẩm OCOP Hà Nội", "province": "01",
     "address": "Số 2 Hoàng Minh Giám, phường Yên Hòa", "opening_hours": "8:00–21:00 hằng ngày",
     "phone": "024 3555 0101", "latitude": Decimal("21.011900"), "longitude": Decimal("105.800500"),
     "summary": "Gần 300 sản phẩm OCOP của Hà Nội và các tỉnh phía Bắc.",
     "body": "Điểm bán có khu thử trà, khu quà tặng và quầy tư vấn đặt hàng số lượng lớn cho doanh nghiệp.",
     "extra": ["che-dinh-tan-cuong", "tra-hoa-vang-ba-che", "tra-atiso-sapa"]},
    {"slug": "trung-tam-ocop-quang-ninh", "title": "Trung tâm OCOP Quảng Ninh", "province": "22",
     "address": "Đường Trần Quốc Nghiễn, phường Hồng Gai", "opening_hours": "7:30–22:00 hằng ngày",
     "phone": "0203 3656 789", "latitude": Decimal("20.951100"), "longitude": Decimal("107.080300"),
     "summary": "Đặc sản biển và sản phẩm vùng cao của Quảng Ninh bên vịnh Hạ Long.",
     "body": "Trung tâm trưng bày sản phẩm OCOP theo từng địa phương trong tỉnh, có quầy ẩm thực chả mực."},
    {"slug": "diem-ban-ocop-sai-gon", "title": "Điểm bán OCOP Sài Gòn", "province": "79",
     "address": "39 Lê Duẩn, phường Sài Gòn", "opening_hours": "8:00–20:00, thứ Hai đến Chủ nhật",
     "phone": "028 3822 4455", "latitude": Decimal("10.781300"), "longitude": Decimal("106.699300"),
     "summary": "Đặc sản OCOP miền Tây và cả nước giữa trung tâm TP. Hồ Chí Minh.",
     "body": "Điểm bán nhận giao hàng trong ngày nội thành cho đơn đặt trước 14:00.",
     "extra": ["keo-dua-ben-tre-truyen-thong", "mat-hoa-dua-huu-co", "gao-st25-my-xuyen"]},
    {"slug": "cua-hang-ocop-phu-quoc", "title": "Cửa hàng OCOP Phú Quốc", "province": "91",
     "address": "Đường 30 Tháng 4, đặc khu Phú Quốc", "opening_hours": "8:00–22:00 hằng ngày",
     "phone": "0297 3999 123", "latitude": Decimal("10.216700"), "longitude": Decimal("103.966700"),
     "summary": "Nước mắm, rượu sim và đặc sản An Giang cho khách du lịch đảo ngọc.",
     "body": "Cửa hàng đóng gói nước mắm theo quy cách được phép mang lên máy bay."},
    {"slug": "diem-ban-ocop-da-lat", "title": "Điểm bán OCOP Đà Lạt", "province": "68",
     "address": "Quảng trường Lâm Viên, phường Xuân Hương – Đà Lạt", "opening_hours": "9:00–21:00 hằng ngày",
     "phone": "0263 3822 678", "latitude": Decimal("11.938700"), "longitude": Decimal("108.445000"),
     "summary": "Cà phê, siro dâu tằm, lan hồ điệp và đặc sản Lâm Đồng.",
     "body": "Khách có thể thử cà phê Cầu Đất pha phin và pha máy ngay tại quầy."},
    {"slug": "diem-ban-ocop-hue", "title": "Điểm bán OCOP Huế", "province": "46",
     "address": "Số 1 Lê Lợi, phường Thuận Hóa", "opening_hours": "8:00–21:00 hằng ngày",
     "phone": "0234 3833 246", "latitude": Decimal("16.465300"), "longitude": Decimal("107.590100"),
     "summary": "Tinh dầu tràm, gạo hữu cơ và quà xứ Huế.",
     "body": "Điểm bán nằm trên trục phố đi bộ ven sông Hương."},
]

# News may name the fairs and campaigns above: {fair_KEY_title}, {campaign_KEY_ends}, … (calendar.context_of).
NEWS = [
    {"slug": "khai-mac-hoi-cho-ocop-ha-noi", "date": -3,
     "title": "Khai mạc {fair_hanoi_title}",
     "summary": "Hội chợ mở cửa {fair_hanoi_dates} tại Cung Văn hóa Hữu nghị Việt Xô với 14 gian hàng trên sàn.",
     "body": "Sáng {fair_hanoi_starts}, {fair_hanoi_title} đã khai mạc. Danh sách gian hàng và sản phẩm được "
             "cập nhật trên trang hội chợ của OCOP Market.\n\nKhách tham quan có thể tải lịch hội chợ về điện "
             "thoại bằng tệp iCal trên trang."},
    {"slug": "ra-mat-uu-dai-qua-bieu-ocop", "date": -7,
     "title": "Ra mắt {campaign_gifts_title}",
     "summary": "Giảm 10% cho các đặc sản quà biếu đến hết {campaign_gifts_ends}.",
     "body": "Chương trình áp dụng cho kẹo dừa Bến Tre, mật hoa dừa Cầu Kè, trà hoa vàng Ba Chẽ và bánh pía "
             "Sóc Trăng. Giá giảm được trừ tự động trong giỏ hàng."},
    {"slug": "mo-dang-ky-gian-hang-hoi-cho-ocop-tp-ho-chi-minh", "date": -26,
     "title": "Mở đăng ký gian hàng {fair_hcmc_title}",
     "summary": "Nhà sản xuất đăng ký gian hàng đến hết ngày {fair_hcmc_deadline}.",
     "body": "Ban tổ chức ưu tiên các sản phẩm có giấy chứng nhận OCOP còn hiệu lực. Hồ sơ đăng ký gửi qua sở "
             "công thương nơi nhà sản xuất đặt trụ sở."},
    {"slug": "tra-cuu-giay-chung-nhan-ocop", "date": -49,
     "title": "Cách tra cứu giấy chứng nhận OCOP trên sàn",
     "summary": "Mỗi huy hiệu sao dẫn đến trang tra cứu giấy chứng nhận, ai cũng kiểm tra được.",
     "body": "Bấm vào huy hiệu sao hoặc số giấy chứng nhận trên trang sản phẩm để xem cơ quan công nhận, số "
             "quyết định và ngày hết hiệu lực.\n\nHuy hiệu tự ẩn khi giấy chứng nhận hết hạn hoặc bị thu hồi."},
]
