import { runService } from '@wair-sfcc/app-runtime';
import { createBridgeService } from './app/bridge-service';

void runService(createBridgeService(process.env));
