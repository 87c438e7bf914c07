package jp.mynadesk.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one choice of 限度額 class that the command and the web desk share. */
class CeilingServiceTest {
    private static final LocalDate ON = LocalDate.of(2026, 9, 1);
    private static final LocalDate ADULT = LocalDate.of(1980, 5, 1);

    @Test
    void theInsurancesClassWinsAndAnUnknownOneIsSaid() {
        var chosen = assertInstanceOf(CeilingService.Chosen.class, CeilingService.choose("A03", "030", ADULT, ON));
        assertEquals("given", chosen.source());
        assertEquals("A03", chosen.ceilingClass().code());
        assertEquals(new CeilingService.UnknownClass("ZZ"), CeilingService.choose("ZZ", "030", ADULT, ON));
    }

    @Test
    void withoutAClassTheRatioAndAgeDecide() {
        var chosen = assertInstanceOf(CeilingService.Chosen.class, CeilingService.choose(null, "030", ADULT, ON));
        assertEquals("ratio", chosen.source());
        assertEquals(new CeilingService.NeedsBirthDate(), CeilingService.choose(null, "030", null, ON));
        assertEquals(new CeilingService.UnknownRatio("050"), CeilingService.choose(null, "050", ADULT, ON));
        assertEquals(new CeilingService.NothingGiven(), CeilingService.choose(null, null, ADULT, ON));
    }

    @Test
    void theFiguresComeWithTheirJsonAndText() throws CeilingException {
        CeilingService service = CeilingService.builtIn();
        var chosen = (CeilingService.Chosen) CeilingService.choose("A03", null, null, ON);
        var figures = service.compute(service.table(ON).orElseThrow(), chosen, 1_000_000L, ON, false, Scope.HOUSEHOLD,
                false, false, null);
        assertEquals("given", figures.json().path("classSource").asText());
        assertEquals(CeilingJson.human(figures.result(), ON, "given"), figures.text());
    }
}
