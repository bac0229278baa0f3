using System.Globalization;

namespace Deliberation.Domain.DecisionRules;

/// <summary>A threshold such as 2/3, kept as integers so comparisons stay exact.</summary>
public sealed record Fraction(int Numerator, int Denominator)
{
    public static Fraction Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || d == 0 || n > d)
            throw new FormatException($"'{text}' is not a threshold fraction like 2/3.");
        return new Fraction(n, d);
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
