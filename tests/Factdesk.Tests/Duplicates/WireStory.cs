namespace Factdesk.Tests.Duplicates;

/// <summary>A made-up wire story and the ways sites reprint it, written for these tests.</summary>
internal static class WireStory
{
    public const string Original = """
        Harbour authorities in the port town of Westmere closed the northern quay on Tuesday after inspectors found cracks in the seawall that protects the fish market.

        The quay will stay shut for at least three weeks while engineers decide whether the wall can be repaired or must be rebuilt, the harbour master, Lena Okafor, told reporters.

        "We are not taking any chances with a structure that old," Okafor said, adding that the cracks had widened noticeably since the autumn storms.

        Fishing boats that normally unload at the northern quay have been moved to the southern basin, where space is limited and queues formed before dawn.

        The town council is expected to vote next month on emergency funding for the works, which local officials estimate could cost up to four million euros.
        """;

    /// <summary>The same story on another site: its own byline and footer, and the last paragraph cut for space.</summary>
    public static string Reprint => "By Marta Silva, Coastal Wire\n\n" +
        Original[..Original.LastIndexOf("\n\n", StringComparison.Ordinal)] +
        "\n\nThis story was provided by Coastal Wire and has not been edited by our newsroom.";

    /// <summary>A different story about the same town, sharing names and subject but not sentences.</summary>
    public const string SameTopic = """
        Westmere's fish market reopened its covered hall on Saturday after a two-year renovation that added cold storage and a public café.

        Lena Okafor, who manages the harbour, said the new hall would let fishermen sell directly to shoppers for the first time in decades.

        Traders welcomed the change but complained that parking near the northern quay remained scarce on market days, and several asked the council for a shuttle bus.

        The renovation was paid for by a regional development grant and a small levy on wholesale sales, according to the town's annual budget report.
        """;
}
