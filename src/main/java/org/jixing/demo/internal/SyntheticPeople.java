package org.jixing.demo.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.jixing.shared.ResidentIdNumbers;

/**
 * A deterministic, streaming generator of synthetic trainees: the same seed gives the
 * same people, and a million take no more memory than one.
 *
 * <p>
 * ID numbers follow GB 11643 with a valid check character, but their region code is
 * {@code 3799nn}: province 37 exists, city 99 is not allocated in GB/T 2260, so no real
 * person holds such a number. {@code nn} is the demo city (01 to 16); birth dates fall
 * between 1960 and 2008; the order code is the running number modulo 1000. Mobile numbers
 * are {@code 199} followed by eight digits of the running number; they are demo data,
 * stored encrypted like any other.
 */
final class SyntheticPeople implements Iterator<SyntheticPeople.Person> {

    record Person(long n, String idNumber, String name, String phone, LocalDate birthDate) {
    }

    static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
            "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };

    static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
            "秀英", "霞", "平", "刚", "桂英", "建华", "玉兰", "海燕", "志强", "晓东", "春梅", "国庆", "文博" };

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);

    private static final int BIRTH_DAYS = (int) (LocalDate.of(2008, 12, 31).toEpochDay() - FIRST_BIRTH.toEpochDay());

    private final SplittableRandom random;

    private final long count;

    /**
     * Where this generator's phone numbers start: generators of different seeds (the
     * demo's live trainees, its past, the planted patterns) do not hand out the same
     * numbers, which the supervision rules would read as one phone behind many people.
     */
    private final long phoneOffset;

    private long next;

    SyntheticPeople(long seed, long count) {
        this.random = new SplittableRandom(seed);
        this.count = count;
        this.phoneOffset = Math.floorMod(seed * 1_000_003L, 100_000_000L);
    }

    @Override
    public boolean hasNext() {
        return next < count;
    }

    @Override
    public Person next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long n = next++;
        int city = 1 + random.nextInt(16);
        LocalDate birth = FIRST_BIRTH.plusDays(random.nextInt(BIRTH_DAYS + 1));
        String first17 = String.format("3799%02d%s%03d", city, birth.format(DateTimeFormatter.BASIC_ISO_DATE),
                n % 1000);
        String id = first17 + ResidentIdNumbers.checkCharacter(first17);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String phone = String.format("199%08d", (phoneOffset + n) % 100_000_000L);
        return new Person(n, id, name, phone, birth);
    }

}
