namespace Deliberation.Domain.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData(TextKind.Name, 100)]
    [InlineData(TextKind.Title, 200)]
    [InlineData(TextKind.Note, 2_000)]
    [InlineData(TextKind.Body, 20_000)]
    public void AcceptsTextUpToItsKindsLimitAndRefusesOneCharacterMore(TextKind kind, int max)
    {
        Assert.Equal(max, TextRules.Check(new string('议', max), kind, "field").Length);

        var refused = Assert.ThrowsAny<ArgumentException>(() => TextRules.Check(new string('议', max + 1), kind, "field"));
        Assert.Equal("field", refused.ParamName);
        Assert.Contains($"at most {max}", refused.Message);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\u001bb")]
    [InlineData("a\u0007b")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2028b")]
    public void RefusesControlCharactersInAnyText(string text)
    {
        foreach (var kind in Enum.GetValues<TextKind>())
            Assert.ThrowsAny<ArgumentException>(() => TextRules.Check(text, kind, "field"));
    }

    [Fact]
    public void AllowsLineBreaksAndTabsOnlyInMultiLineText()
    {
        Assert.Equal("第一段\r\n\t第二段", TextRules.Check("第一段\r\n\t第二段", TextKind.Body, "text"));
        Assert.Equal("第一段\n第二段", TextRules.Check("第一段\n第二段", TextKind.Note, "reason"));

        Assert.ThrowsAny<ArgumentException>(() => TextRules.Check("标题\n第二行", TextKind.Title, "title"));
        Assert.ThrowsAny<ArgumentException>(() => TextRules.Check("张\t三", TextKind.Name, "name"));
    }

    [Fact]
    public void TrimsAndTellsRequiredFromOptional()
    {
        Assert.Equal("路灯", TextRules.Required("  路灯 ", TextKind.Title, "title"));
        Assert.ThrowsAny<ArgumentException>(() => TextRules.Required(" ", TextKind.Title, "title"));
        Assert.Null(TextRules.Optional(" ", TextKind.Note, "note"));
        Assert.Equal("", TextRules.Check(null, TextKind.Name, "place"));
    }
}
