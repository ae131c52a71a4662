using InvestPortal.Core.Moderation;

using Xunit;

namespace InvestPortal.UnitTests.Moderation;

public sealed class TextDiffTests
{
    private static string Render(IEnumerable<DiffSpan> spans) => string.Concat(spans.Select(s => s.Op switch
    {
        DiffOp.Added => $"[+{s.Text}]",
        DiffOp.Removed => $"[-{s.Text}]",
        _ => s.Text,
    }));

    [Fact]
    public void Identical_texts_are_one_unchanged_span()
    {
        var spans = TextDiff.Compare("Logistics park in Heihe", "Logistics park in Heihe");
        Assert.Equal([new DiffSpan(DiffOp.Same, "Logistics park in Heihe")], spans);
    }

    [Fact]
    public void English_is_compared_word_by_word()
    {
        var spans = TextDiff.Compare("A cold-chain park of 12 ha near the border", "A cold-chain park of 15 ha near the river port");
        Assert.Equal("A cold-chain park of [-12][+15] ha near the [-border][+river port]", Render(spans));
    }

    [Fact]
    public void Russian_words_are_whole_tokens_not_letters()
    {
        var spans = TextDiff.Compare("Логистический парк в Хэйхэ", "Складской парк в Хэйхэ");
        Assert.Equal("[-Логистический][+Складской] парк в Хэйхэ", Render(spans));
    }

    [Fact]
    public void Chinese_is_compared_character_by_character()
    {
        var spans = TextDiff.Compare("哈尔滨冷链物流园区", "哈尔滨智能冷链物流园");
        Assert.Equal("哈尔滨[+智能]冷链物流园[-区]", Render(spans));
    }

    [Fact]
    public void Mixed_chinese_with_numbers_keeps_numbers_whole()
    {
        var spans = TextDiff.Compare("用地面积12公顷", "用地面积150公顷");
        Assert.Equal("用地面积[-12][+150]公顷", Render(spans));
    }

    [Theory]
    [InlineData("", "New text")]
    [InlineData("Old text", "")]
    [InlineData(null, "新文本")]
    [InlineData("Первая строка\nвторая строка", "Первая строка\nтретья строка, новая")]
    [InlineData("The quick brown fox", "The slow brown dog jumps")]
    public void Both_sides_can_be_reassembled_from_the_spans(string? before, string after)
    {
        var spans = TextDiff.Compare(before, after);
        Assert.Equal(before ?? "", TextDiff.Side(spans, after: false));
        Assert.Equal(after, TextDiff.Side(spans, after: true));
    }

    [Fact]
    public void Additions_only_are_marked_as_added()
    {
        var spans = TextDiff.Compare("", "全新项目");
        Assert.Equal([new DiffSpan(DiffOp.Added, "全新项目")], spans);
    }

    [Fact]
    public void Very_long_texts_fall_back_to_replace_without_blowing_up()
    {
        var before = string.Join(" ", Enumerable.Range(0, 5000).Select(i => "w" + i));
        var after = string.Join(" ", Enumerable.Range(0, 5000).Select(i => "v" + i));
        var spans = TextDiff.Compare(before, after);
        Assert.Equal(before, TextDiff.Side(spans, after: false));
        Assert.Equal(after, TextDiff.Side(spans, after: true));
    }
}
