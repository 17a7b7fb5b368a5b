using Factdesk.Learning;

namespace Factdesk.Tests.Learning;

public sealed class StableSplitTests
{
    [Fact]
    public void The_same_key_always_lands_on_the_same_side()
    {
        Assert.Equal(StableSplit.IsDevelopment("body-1234"), StableSplit.IsDevelopment("body-1234"));
    }

    [Fact]
    public void About_the_asked_share_of_keys_is_development()
    {
        var share = Enumerable.Range(0, 10_000).Count(i => StableSplit.IsDevelopment($"key-{i}", 0.2)) / 10_000.0;
        Assert.InRange(share, 0.18, 0.22);
    }
}
