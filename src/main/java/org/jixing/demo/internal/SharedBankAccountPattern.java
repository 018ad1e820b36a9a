package org.jixing.demo.internal;

import java.util.List;

import org.jixing.demo.Planted;
import org.jixing.demo.PlantedPattern;
import org.jixing.demo.PlantingContext;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.subsidy.Payees;
import org.jixing.supervision.SubjectKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SHARED_BANK_ACCOUNT: two new providers of a city enter the same payee account, each in
 * its own name, through the payee service as their staff would (nothing there compares
 * accounts across providers). SHARED_BANK_ACCOUNT should find both.
 */
@Component
@Order(120)
class SharedBankAccountPattern implements PlantedPattern {

    private final MoneyPlantingKit kit;

    private final Payees payees;

    SharedBankAccountPattern(MoneyPlantingKit kit, Payees payees) {
        this.kit = kit;
        this.payees = payees;
    }

    @Override
    public String code() {
        return "SHARED_BANK_ACCOUNT";
    }

    @Override
    public List<Planted> plant(PlantingContext c) {
        String account = String.format("6217%07d%08d", c.random().nextInt(10_000_000), c.random().nextInt(100_000_000));
        Permit permit = new Permit("CLEANER", "JUNIOR");
        FiledBody first = kit.body(c.admin(), Registry.PROVIDER, BodyKind.PRIVATE_INSTITUTION, c.cityCode(), "惠民职业培训学校",
                permit, c.today(), c.random());
        FiledBody second = kit.body(c.admin(), Registry.PROVIDER, BodyKind.PRIVATE_INSTITUTION, c.cityCode(),
                "安康技能培训中心", permit, c.today(), c.random());
        for (FiledBody p : List.of(first, second)) {
            DemoProvince.as(MoneyPlantingKit.staff(p), () -> payees.savePayee(p.name(), account, "山东省农村信用社"));
        }
        return List.of(
                new Planted(code(), "SHARED_BANK_ACCOUNT", SubjectKind.PROVIDER, first.id(),
                        first.name() + " shares its payee account with " + second.name()),
                new Planted(code(), "SHARED_BANK_ACCOUNT", SubjectKind.PROVIDER, second.id(),
                        second.name() + " shares its payee account with " + first.name()));
    }

}
