using Factdesk.Clustering;

namespace Factdesk.Tests.Clustering;

public sealed class SphericalKMeansTests
{
    // Unit vectors around three directions of the plane, a little spread out.
    private static float[] Points(out int[] group)
    {
        var angles = new[] { 0.0, 2.1, 4.2 };
        var points = new List<float>();
        var groups = new List<int>();
        for (var g = 0; g < angles.Length; g++)
            for (var k = -3; k <= 3; k++)
            {
                var a = angles[g] + 0.05 * k;
                points.Add((float)Math.Cos(a));
                points.Add((float)Math.Sin(a));
                groups.Add(g);
            }
        group = [.. groups];
        return [.. points];
    }

    [Fact]
    public void Separated_groups_become_one_cluster_each()
    {
        var points = Points(out var group);

        var clusters = new SphericalKMeans(3, seed: 7).Fit(points, 2);

        for (var i = 0; i < group.Length; i++)
            for (var j = 0; j < group.Length; j++)
                Assert.Equal(group[i] == group[j], clusters[i] == clusters[j]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_clusters()
    {
        var points = Points(out _);

        Assert.Equal(new SphericalKMeans(4, seed: 3).Fit(points, 2), new SphericalKMeans(4, seed: 3).Fit(points, 2));
    }

    [Fact]
    public void More_clusters_than_points_gives_each_point_its_own()
    {
        var clusters = new SphericalKMeans(10).Fit([1, 0, 0, 1], 2, null, out var centroids);

        Assert.NotEqual(clusters[0], clusters[1]);
        Assert.Equal(4, centroids.Length);
    }
}
