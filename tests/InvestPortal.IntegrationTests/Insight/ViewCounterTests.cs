using InvestPortal.Web.Insight;

namespace InvestPortal.IntegrationTests.Insight;

/// <summary>Unit tests of the in-memory view counter: no host, no database.</summary>
public sealed class ViewCounterTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0)", true)]
    [InlineData("Baiduspider+(+http://www.baidu.com/search/spider.htm)", true)]
    [InlineData("Sogou web spider/4.0", true)]
    [InlineData("facebookexternalhit/1.1 crawler", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36", false)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0", false)]
    public void Bots_and_scripts_are_recognised(string? userAgent, bool isBot) => Assert.Equal(isBot, ViewCounter.IsBot(userAgent));

    [Fact]
    public void Views_are_summed_per_listing_and_day_and_taken_once()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero));
        var counter = new ViewCounter(clock);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        const string browser = "Mozilla/5.0 Firefox/133.0";
        counter.Record(a, browser);
        counter.Record(a, browser);
        counter.Record(b, browser);
        counter.Record(b, "Googlebot");
        clock.Now = clock.Now.AddMinutes(2); // past midnight UTC: a new day's row
        counter.Record(a, browser);

        var taken = counter.Take().OrderBy(t => t.Day).ThenBy(t => t.Opportunity == a ? 0 : 1).ToList();
        Assert.Equal(
            [(a, new DateOnly(2026, 11, 28), 2), (b, new DateOnly(2026, 11, 28), 1), (a, new DateOnly(2026, 11, 29), 1)],
            taken);
        Assert.Empty(counter.Take());

        // A failed flush puts its sums back; views counted meanwhile are added to them.
        counter.Return(taken[0]);
        clock.Now = clock.Now.AddMinutes(-2);
        counter.Record(a, browser);
        Assert.Equal(3, Assert.Single(counter.Take()).Views);
    }
}
