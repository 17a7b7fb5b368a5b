namespace Factdesk.Tests.Review;

/// <summary>A hand-made file in the LIAR-PLUS layout (row index, 14 LIAR columns, justification); the statements are invented.</summary>
internal static class LiarFixture
{
    public const string PlusRows =
        "0\t101.json\tfalse\tThe bridge tax doubled last year.\ttaxes\tjane-roe\tMayor\tOhio\tdemocrat\t0\t1\t0\t0\t0\ta speech\t" +
        "The claim is false. Records show the bridge tax stayed the same, so saying it doubled is wrong.\n" +
        "1\t102.json\ttrue\tThe city library opened a new branch in May.\teducation\tjohn-doe\tCouncillor\tOhio\trepublican\t0\t0\t0\t1\t0\ta newsletter\t" +
        "\"City records confirmed the library branch opened in May, as he said. The library's director also confirmed the new branch opened.\"\n" +
        "2\t103.json\thalf-true\tUnemployment fell for six months.\teconomy\tjane-roe\tMayor\tOhio\tdemocrat\t0\t1\t0\t0\t0\tan interview\t\n";
}
