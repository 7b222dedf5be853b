// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Concurrent;
using System.Threading;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>The result of <see cref="ModelDownload.Fetch"/>.</summary>
/// <param name="Command">The answer to the last SendModel command.</param>
/// <param name="File">The model file's bytes when it arrived whole, else null.</param>
/// <param name="Problem">Why not, when <paramref name="File"/> is null.</param>
public sealed record ModelDownloadResult(CommandResult Command, byte[]? File, string? Problem);

/// <summary>
/// Fetches the board's model file: sends SendModel, then assembles the ModelChunk frames that follow its ack with
/// <see cref="ModelAssembler"/>. A lost chunk (a gap in the offsets) or a stall asks again from the start.
/// </summary>
public static class ModelDownload
{
    /// <summary>Fetches the model.</summary>
    /// <param name="session">An open session.</param>
    /// <param name="timeout">How long to wait for the ack, and for each chunk.</param>
    /// <param name="attempts">How many times to ask.</param>
    /// <returns>The file, or why not.</returns>
    public static ModelDownloadResult Fetch(LinkSession session, TimeSpan timeout, int attempts = 3)
    {
        // Each chunk is tagged with the number of SendModel acks seen before it (both counted on the reader thread,
        // in stream order), so chunks still arriving from an abandoned attempt are told apart from the new ones.
        var chunks = new BlockingCollection<(int Generation, ModelChunkMessage Chunk)>();
        int generation = 0;
        void OnAck(FrameInfo info, AckMessage ack)
        {
            if (ack.Command == CommandCode.SendModel)
            {
                Interlocked.Increment(ref generation);
            }
        }

        void OnChunk(FrameInfo info, ModelChunkMessage chunk) => chunks.Add((Volatile.Read(ref generation), chunk));

        // Listen before asking: the first chunk may follow the ack at once.
        session.Ack += OnAck;
        session.ModelChunk += OnChunk;
        try
        {
            CommandResult answer = new(CommandOutcome.TimedOut);
            string problem = "no attempt";
            for (int attempt = 0; attempt < attempts; attempt++)
            {
                answer = session.Send(new CommandMessage { Code = CommandCode.SendModel }, timeout);
                if (answer.Outcome != CommandOutcome.Acked)
                {
                    return new ModelDownloadResult(answer, null, null);
                }

                int current = Volatile.Read(ref generation);
                ModelAssembler? assembler = null;
                problem = "no model chunk arrived";
                while (chunks.TryTake(out (int Generation, ModelChunkMessage Chunk) item, timeout))
                {
                    if (item.Generation != current)
                    {
                        continue;
                    }

                    ModelChunkMessage chunk = item.Chunk;
                    if (assembler is null)
                    {
                        assembler = new ModelAssembler(new byte[chunk.TotalLength]);
                        assembler.Begin(chunk.TotalLength);
                    }

                    NakReason reason = assembler.Accept(chunk);
                    if (reason != NakReason.None)
                    {
                        problem = $"chunk at offset {chunk.Offset} does not continue the file ({reason})";
                        break;
                    }

                    if (assembler.IsComplete)
                    {
                        return new ModelDownloadResult(answer, assembler.Target, null);
                    }

                    problem = $"the transfer stalled after {assembler.Received} of {assembler.TotalLength} bytes";
                }
            }

            return new ModelDownloadResult(answer, null, problem);
        }
        finally
        {
            // Not disposed: the reader thread may still hold the handler for one more chunk.
            session.Ack -= OnAck;
            session.ModelChunk -= OnChunk;
        }
    }
}
