/** Prints rows as a Markdown table with padded columns, as the benchmark scripts record them in docs/benchmarks.md. */
export function printMarkdownTable(headers: string[], cells: string[][]): void {
	const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column].length)));
	const format = (line: string[]) => `| ${line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	process.stdout.write(`${format(headers)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|\n`);
	for (const line of cells) process.stdout.write(`${format(line)}\n`);
}
