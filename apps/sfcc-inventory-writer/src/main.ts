import { runService } from '@wair-sfcc/app-runtime';
import { createWriterService } from './app/writer-service';

void runService(createWriterService(process.env));
