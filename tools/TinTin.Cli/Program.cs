// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Cli;

return TinTinCommandLine.Run(args);
