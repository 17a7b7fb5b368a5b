return await Factdesk.Cli.FactdeskCli.RunAsync(args, Console.Out, Console.Error);
