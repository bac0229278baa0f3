using System.Globalization;
using System.Text;
using System.Xml;

namespace Deliberation.Web.PublicBoard;

/// <summary>A disclosed decision in the open data (JSON): the board's record with the address of its page.</summary>
public sealed record OpenDecision(
    string Id, string Url, string Title, string Text, string Category, string Place, string Status, string? Outcome,
    string Stage, string? StageNameZh, string? StageNameEn, string? BodyId, DateTimeOffset DisclosedAt, DateTimeOffset UpdatedAt,
    string? Proposal, string? Result, IReadOnlyList<BoardVote> Votes)
{
    public static OpenDecision Of(BoardDecision d, string url) => new(d.Id, url, d.Title, d.Text, d.Category, d.Place, d.Status,
        d.Outcome, d.Stage, d.StageNameZh, d.StageNameEn, d.BodyId, d.DisclosedAt, d.UpdatedAt, d.Proposal, d.Result, d.Votes);
}

/// <summary>The council's disclosed decisions as an Atom 1.0 feed and as a CSV table.</summary>
public static class OpenDecisions
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// An Atom feed: the board is its alternate page, each decision an entry whose id is its page's address (stable: an
    /// item's id never changes), updated at its latest event, published when it was disclosed.
    /// </summary>
    public static byte[] Feed(string site, string councilId, string title, IReadOnlyList<BoardDecision> decisions)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            var board = $"{site}/councils/{councilId}/board";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, board);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Time(decisions.Count == 0 ? DateTimeOffset.UnixEpoch : decisions.Max(d => d.UpdatedAt)));
            Link(xml, "alternate", board, "text/html");
            Link(xml, "self", $"{site}/councils/{councilId}/feed.atom", "application/atom+xml");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, title);
            xml.WriteEndElement();
            foreach (var d in decisions)
            {
                var page = $"{site}/councils/{councilId}/items/{d.Id}";
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, page);
                xml.WriteElementString("title", Atom, d.Title);
                xml.WriteElementString("published", Atom, Time(d.DisclosedAt));
                xml.WriteElementString("updated", Atom, Time(d.UpdatedAt));
                Link(xml, "alternate", page, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", d.Category);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(d.Result ?? d.Proposal ?? d.Text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static readonly string[] Columns =
    [
        "item_id", "url", "title", "category", "place", "status", "outcome", "stage", "body", "disclosed_at", "updated_at",
        "vote_step", "vote_body", "decision_rule", "adopted", "quorum", "electorate", "present", "for", "against", "abstain",
        "electorate_weight", "present_weight", "for_weight", "against_weight", "abstain_weight", "vote_meeting", "voted_at",
        "text", "result",
    ];

    /// <summary>
    /// One row per vote taken on a decision (a decision without a vote: one row, vote columns empty), UTF-8 with a byte
    /// order mark so spreadsheets read the Chinese as such, fields quoted as RFC 4180 says, lines ended by CRLF.
    /// </summary>
    public static byte[] Csv(string site, string councilId, IReadOnlyList<BoardDecision> decisions)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var d in decisions)
        {
            string[] item = [d.Id, $"{site}/councils/{councilId}/items/{d.Id}", d.Title, d.Category, d.Place, d.Status, d.Outcome ?? "",
                d.StageNameZh ?? d.Stage, d.BodyId ?? "", Time(d.DisclosedAt), Time(d.UpdatedAt)];
            string[] tail = [d.Text, d.Result ?? ""];
            if (d.Votes.Count == 0) Row(csv, [.. item, .. Enumerable.Repeat("", 17), .. tail]);
            foreach (var v in d.Votes)
                Row(csv, [.. item, v.StepNameZh ?? v.StepId, v.BodyId ?? "", v.DecisionRuleId, v.Adopted ? "true" : "false", v.Quorum ? "true" : "false",
                    Number(v.Electorate.Members), Number(v.Present.Members), Number(v.For.Members), Number(v.Against.Members), Number(v.Abstain.Members),
                    Number(v.Electorate.Weight), Number(v.Present.Weight), Number(v.For.Weight), Number(v.Against.Weight), Number(v.Abstain.Weight),
                    v.MeetingId ?? "", Time(v.At), .. tail]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    /// <summary>
    /// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. A text a spreadsheet would
    /// take for a formula (=, +, -, @ first) gets a leading apostrophe, so that opening the file runs nothing.
    /// </summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(decimal n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
