using Deliberation.Domain.AgendaItems;
using Deliberation.Runtime.EventLog;
using Deliberation.Web.Grains;

namespace Deliberation.Web.Tests.AgendaItems;

/// <summary>Routes recorded before escalations existed still read back, and the item they route stays routed.</summary>
public sealed class RoutedItemHistoryTests
{
    private static EventEnvelope Stored(long sequence, string type, string payload) =>
        new("agenda-item-item-old", sequence, type, "u-clerk", DateTimeOffset.UnixEpoch, payload, "", "");

    [Fact]
    public void AnItemRoutedBeforeEscalationsExistedKeepsItsRouteWithoutAnEscalation()
    {
        var codec = EventCodec<AgendaItemEvent>.Instance;

        var item = AgendaItem.Replay([
            codec.Decode(Stored(1, "ItemSubmitted", """{"itemId":"item-old","councilId":"lakeside","title":"下水道堵了","text":"堵了","category":"","place":"","submittedBy":"u-1","onBehalfOf":null}""")),
            codec.Decode(Stored(2, "ItemRouted", """{"department":"镇水务站","reason":"归水务站管"}""")),
        ]);

        Assert.Equal(AgendaItemStatus.Routed, item.Status);
        Assert.Null(item.EscalationId);
    }

    [Fact]
    public void ARouteNowRecordsItsEscalation()
    {
        var codec = EventCodec<AgendaItemEvent>.Instance;
        var encoded = codec.Encode(new ItemRouted("镇城建办", "职责", "esc-item-new"), "u-clerk", DateTimeOffset.UnixEpoch);

        var decoded = Assert.IsType<ItemRouted>(codec.Decode(Stored(2, encoded.EventType, encoded.Payload)));

        Assert.Equal("esc-item-new", decoded.EscalationId);
    }
}
