// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using System.Xml.Linq;
using TinTin.Bench.Output;

namespace TinTin.Bench.Tests;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void AccuracyChartHasOneLineAndOneLegendPerMode()
    {
        string text = SvgChart.AccuracyPerEpoch("mnist-mlp <a&b>", [
            new SvgChart.Series("fp32", [0.9, 0.95, 0.97]),
            new SvgChart.Series("niti", [0.85, 0.9, 0.93]),
            new SvgChart.Series("tintin", [0.91, 0.96, 0.975]),
        ]);

        XDocument doc = XDocument.Parse(text);
        var lines = doc.Descendants(Svg + "polyline").ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(3, l.Attribute("points")!.Value.Split(' ').Length));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "tintin 97.50 %");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "mnist-mlp <a&b>");
    }

    [Fact]
    public void HigherAccuracyIsDrawnHigher()
    {
        string text = SvgChart.AccuracyPerEpoch("t", [new SvgChart.Series("a", [0.5, 0.9])]);
        var points = XDocument.Parse(text).Descendants(Svg + "polyline").Single().Attribute("points")!.Value
            .Split(' ').Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(points[1] < points[0], "SVG y grows downwards: 90 % must sit above 50 %");
    }

    [Fact]
    public void ConfusionMatrixHasACellPerPairWithItsCount()
    {
        int[][] counts = [[5, 1, 0], [0, 7, 2], [1, 0, 9]];
        XDocument doc = XDocument.Parse(SvgChart.ConfusionMatrix("cwru", ["Normal", "IR007", "B007"], counts));

        Assert.Equal(9, doc.Descendants(Svg + "rect").Count(r => r.Attribute("width")!.Value == "44"));
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        foreach (int n in new[] { 5, 7, 9, 2 })
        {
            Assert.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture), texts);
        }
    }

    [Fact]
    public void BadInputIsRefused()
    {
        Assert.Throws<System.ArgumentException>(() => SvgChart.AccuracyPerEpoch("t", []));
        Assert.Throws<System.ArgumentException>(() => SvgChart.ConfusionMatrix("t", ["a", "b"], [[1, 2]]));
    }
}
