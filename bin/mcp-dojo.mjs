#!/usr/bin/env node
/**
 * MCP Dojo's Todoist MCP server over stdio, for Claude Desktop, Claude Code and the MCP Inspector.
 *
 *   node bin/mcp-dojo.mjs --backend mock|real [--scenario faithful] [--size small] [--strategy production]
 *
 * The TypeScript source runs through tsx, so no build step is needed after `npm install`.
 * stdout carries only JSON-RPC; everything for people goes to stderr.
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runStdioServer } = await import('../lib/mcp/stdio.ts');
await runStdioServer(process.argv.slice(2));
