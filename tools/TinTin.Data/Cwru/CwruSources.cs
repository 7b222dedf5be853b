// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data;

/// <summary>Where the CWRU recordings come from, for "file missing" messages (see ../shared/data/cwru/SOURCES.md).</summary>
public static class CwruSources
{
    /// <summary>The download pointer appended to every <see cref="DataUnavailableException"/> about CWRU data.</summary>
    public const string DownloadHint =
        "download the original .mat files from the CWRU Bearing Data Center, https://engineering.case.edu/bearingdatacenter "
        + "(pages \"Normal Baseline Data\" and \"12k Drive End Bearing Fault Data\", published as <number>.mat, e.g. 97.mat, 105.mat), "
        + "or from the mirror https://github.com/yyxyz/CaseWesternReserveUniversityData, which uses the file names of manifest.csv; "
        + "the data folder sits beside the repository as ../shared/data/cwru, with manifest.csv and SOURCES.md";
}
