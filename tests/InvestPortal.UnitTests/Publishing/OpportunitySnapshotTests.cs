using InvestPortal.Core.Domain;
using InvestPortal.Core.Publishing;
using Xunit;

namespace InvestPortal.UnitTests.Publishing;

public class OpportunitySnapshotTests
{
    private static Opportunity Listing()
    {
        var o = new Opportunity
        {
            SectorCode = "logistics", LocationCode = "231100", PartnerRegionCode = "RU-AMU", StageCode = "planning",
            CooperationModes = ["jv", "equity"], TotalAmount = 120_000_000m, Currency = "CNY", MinTicket = 5_000_000m,
            Tags = ["冷链", "порт"], ContactEmail = "zone@example.com", OriginalCulture = Cultures.Zh,
        };
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Ru, Title = "Порт Хэйхэ", Summary = "Кратко" });
        o.Translations.Add(new OpportunityTranslation { OpportunityId = o.Id, Culture = Cultures.Zh, Title = "黑河港", Description = "**详情**" });
        return o;
    }

    [Fact]
    public void A_revision_saved_with_an_amount_beyond_the_money_rule_is_applied_within_it()
    {
        var json = OpportunitySnapshot.Of(Listing()).ToJson().Replace("120000000", "79228162514264337593543950335", StringComparison.Ordinal);
        var o = Listing();
        OpportunitySnapshot.FromJson(json)!.Apply(o);
        Assert.Equal(InvestPortal.Core.Money.MoneyRule.Max, o.TotalAmount);
    }

    [Fact]
    public void Json_round_trip_keeps_every_field_and_readable_text()
    {
        var snapshot = OpportunitySnapshot.Of(Listing());
        var json = snapshot.ToJson();
        Assert.Contains("黑河港", json, StringComparison.Ordinal);
        Assert.Contains("Порт Хэйхэ", json, StringComparison.Ordinal);
        var back = OpportunitySnapshot.FromJson(json)!;
        Assert.Empty(back.ChangedFields(snapshot));
        Assert.Equal(json, back.ToJson());
        Assert.Equal(["zh", "ru"], back.Texts.Select(t => t.Culture));
        Assert.Null(OpportunitySnapshot.FromJson(null));
        Assert.Null(OpportunitySnapshot.FromJson(" "));
    }

    [Fact]
    public void Apply_writes_fields_updates_texts_in_place_and_drops_missing_languages()
    {
        var target = Listing();
        var zhRow = target.Translations.Single(t => t.Culture == Cultures.Zh);
        var source = Listing();
        source.TotalAmount = 99m;
        source.Tags = ["new"];
        source.Translations.Remove(source.Translations.Single(t => t.Culture == Cultures.Ru));
        source.Translations.Single(t => t.Culture == Cultures.Zh).Title = "黑河港二期";
        source.Translations.Add(new OpportunityTranslation { Culture = Cultures.En, Title = "Heihe port" });

        OpportunitySnapshot.Of(source).Apply(target);

        Assert.Equal(99m, target.TotalAmount);
        Assert.Equal(["new"], target.Tags);
        Assert.Same(zhRow, target.Translations.Single(t => t.Culture == Cultures.Zh));
        Assert.Equal("黑河港二期", zhRow.Title);
        Assert.Equal(["zh", "en"], target.Translations.Select(t => t.Culture).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(target.Id, target.Translations.Single(t => t.Culture == Cultures.En).OpportunityId);
        Assert.Empty(OpportunitySnapshot.Of(target).ChangedFields(OpportunitySnapshot.Of(source)));
    }

    [Fact]
    public void ChangedFields_names_each_difference()
    {
        var before = OpportunitySnapshot.Of(Listing());
        var after = before with
        {
            TotalAmount = 1m, CooperationModes = ["jv"],
            Texts = [before.Text("zh")!, before.Text("ru")! with { Summary = "Новое" }, new SnapshotText("en", "Heihe", null, null)],
        };
        Assert.Equal(["CooperationModes", "TotalAmount", "Summary.ru", "Title.en"], after.ChangedFields(before));
        // The same amount at another scale (PostgreSQL numeric) is not a change.
        Assert.Empty((before with { TotalAmount = 120_000_000.00m }).ChangedFields(before));
    }
}
