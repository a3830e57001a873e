package aidline.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic, varied citizen self-reports: villages across the counties, every category, household
 * sizes 1-8, Chinese descriptions and names, and a resident ID number that no other report of the
 * run shares (so households never collide unless the bench wants them to).
 */
final class Reports {

    private static final String[] CATEGORIES = {
            "MEDICAL_EMERGENCY", "MEDICAL_EMERGENCY", "MEDICAL_EMERGENCY", "MEDICAL_EMERGENCY",
            "ACCIDENT", "ACCIDENT", "DISASTER", "DISASTER",
            "LOSS_OF_INCOME", "LOSS_OF_INCOME", "LOSS_OF_INCOME", "UNEMPLOYED_UNINSURED", "UNEMPLOYED_UNINSURED",
            "UNEMPLOYED_GRADUATE", "BASIC_LIVING", "BASIC_LIVING", "BASIC_LIVING", "CHILD_WITHOUT_CARE",
            "DISABILITY", "DISABILITY", "OTHER"};
    private static final String[] WHO = {"父亲", "母亲", "丈夫", "妻子", "儿子", "女儿", "爷爷", "奶奶", "本人"};
    private static final String[] WHAT = {
            "突发脑溢血住院，急需手术费", "确诊白血病，化疗费用无力承担", "车祸骨折，医院要求先交押金",
            "在工地摔伤，老板不肯支付医药费", "房屋被山洪冲毁，全家暂住亲戚家", "冰雹砸毁了今年的全部庄稼",
            "失业三个月，没有任何收入", "工厂倒闭，拖欠工资至今未发", "大学毕业一年仍未找到工作，没有医保",
            "家中只有一位老人，生活困难，冬天缺少取暖煤", "父母外出务工失联，孩子无人照顾",
            "肢体残疾，无法劳动，靠低保勉强度日", "羊群得病死亡大半，欠下贷款", "火灾烧毁了住房和粮食"};
    private static final String[] MORE = {
            "", "", "，请尽快帮忙", "，家里已经借遍了亲戚", "，村委会可以证明", "，孩子还在上学",
            "，现在连吃饭都成问题", "，希望政府给予临时救助"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤";
    private static final String GIVEN = "建国华明丽芳军伟敏静强磊洋艳勇杰娟涛超霞平刚桂英秀兰玉梅红海燕文辉志鹏飞宁夏回族庆丰春生福德";
    private static final String[] DOCUMENTS = {"HOSPITAL_ADMISSION", "MEDICAL_BILLS", "ID_PHOTO", "DAMAGE_PHOTO", "HOUSEHOLD_REGISTER"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1940, 1, 1);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<String> villages;
    private final AtomicLong people;

    Reports(List<String> villages, long firstPerson) {
        this.villages = villages;
        this.people = new AtomicLong(firstPerson);
    }

    String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String village = villages.get(random.nextInt(villages.size()));
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        StringBuilder json = new StringBuilder(900);
        json.append("{\"category\":\"").append(category)
                .append("\",\"description\":\"").append(WHO[random.nextInt(WHO.length)])
                .append(WHAT[random.nextInt(WHAT.length)]).append(MORE[random.nextInt(MORE.length)])
                .append("\",\"villageCode\":\"").append(village)
                .append("\",\"urgent\":").append(random.nextInt(100) < 45);
        if (random.nextInt(100) < 70) {
            json.append(",\"requestedAmount\":").append(200 + random.nextInt(78) * 100).append(random.nextBoolean() ? "" : ".50");
        }
        json.append(",\"subject\":{\"name\":\"").append(name(random))
                .append("\",\"idNumber\":\"").append(residentId(village.substring(0, 6), people.getAndIncrement()))
                .append("\",\"phone\":\"1").append("35789".charAt(random.nextInt(5)))
                .append(String.format("%09d", random.nextInt(1_000_000_000)))
                .append("\",\"householdSize\":").append(1 + random.nextInt(8)).append('}');
        if (random.nextInt(100) < 60) {
            json.append(",\"location\":{\"lat\":").append(String.format("%.4f", 35.25 + random.nextDouble() * 4.1))
                    .append(",\"lon\":").append(String.format("%.4f", 104.3 + random.nextDouble() * 3.3)).append('}');
        }
        int attachments = random.nextInt(3);
        if (attachments > 0) {
            json.append(",\"attachments\":[");
            for (int i = 0; i < attachments; i++) {
                String sha = hex(random, 64);
                json.append(i == 0 ? "" : ",").append("{\"type\":\"").append(DOCUMENTS[random.nextInt(DOCUMENTS.length)])
                        .append("\",\"sha256\":\"").append(sha).append("\",\"size\":").append(10_000 + random.nextInt(5_000_000))
                        .append(",\"uri\":\"https://files.example.gov.cn/a/").append(sha, 0, 12).append(".jpg\"}");
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static String name(ThreadLocalRandom random) {
        StringBuilder name = new StringBuilder(3).append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = 1 + random.nextInt(2);
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** 18-character resident ID: area, birth date, sequence, ISO 7064 MOD 11-2 check character; unique per person number. */
    static String residentId(String area, long person) {
        String body = area + FIRST_BIRTHDAY.plusDays(person / 999).format(YYYYMMDD) + String.format("%03d", person % 999 + 1);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    private static String hex(ThreadLocalRandom random, int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
