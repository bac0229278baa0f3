using System.Globalization;
using System.Text;
using Deliberation.Domain;

namespace Deliberation.Web.Ledger;

/// <summary>
/// The ledger as a spreadsheet opens it: UTF-8 with a byte order mark (so that Excel reads Chinese as Chinese), RFC 4180
/// (CRLF line ends; a field with a comma, quote or line break quoted, its quotes doubled), headings in both languages.
/// A field that starts like a formula is prefixed with an apostrophe: a resident's words never run in a spreadsheet.
/// Times are on the line's council clock (the council's zone when it was raised), named in the last column, plain
/// enough for a spreadsheet to read as times.
/// </summary>
public static class LedgerCsv
{
    public static readonly string[] Headings =
    [
        "编号 Reference", "事项 Matter", "部门 Department", "状态 State", "交办时间 Escalated", "响应时限 Respond by",
        "响应时间 Responded", "办结期限 Due", "办结时间 Done", "逾期 Overdue", "退回重办 Reopened", "评价 Rating", "反馈 Feedback", "时区 Time zone",
    ];

    /// <summary>
    /// Writes the header and then each batch as it comes, flushing between batches: a ledger of years goes out a page
    /// at a time, never held whole in memory.
    /// </summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<IReadOnlyList<LedgerEntry>> batches, DateTimeOffset now, CancellationToken ct)
    {
        await body.WriteAsync(Encoding.UTF8.GetPreamble(), ct);
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        var text = new StringBuilder();
        Line(text, Headings);
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var e in batch) Line(text, Fields(e, now));
            await writer.WriteAsync(text, ct);
            await writer.FlushAsync(ct);
            text.Clear();
        }
        await writer.WriteAsync(text, ct);
    }

    private static string[] Fields(LedgerEntry e, DateTimeOffset now) =>
    [
        e.ReferenceNo, e.Title, e.DepartmentName, e.State, Time(e.Since, e), e.RespondBy is { } r ? Time(r, e) : "",
        e.RespondedAt is { } a ? Time(a, e) : "", e.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.DoneAt is { } d ? Time(d, e) : "", e.IsOverdueAt(now) ? "是 yes" : "", e.Reopened.ToString(CultureInfo.InvariantCulture),
        e.LastRating?.ToString(CultureInfo.InvariantCulture) ?? "", e.Result, e.Zone,
    ];

    private static string Time(DateTimeOffset at, LedgerEntry e) =>
        CouncilTime.InZone(at, e.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Field(fields[i]));
        }
        text.Append("\r\n");
    }

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
